package io.sello.signing;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.support.Fixtures;
import io.sello.support.TestPki;
import io.sello.support.TestTsa;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The space a signature reserves for its CMS is sized to what the key's CMS needs (issue 16: every verifier hashes and
 * parses it), not a fixed 16 KB, and a CMS larger than the room learnt from the key's last one is signed again with
 * room for it instead of failing.
 */
class SignatureRoomTest {
    private static final TestPki PKI = new TestPki();
    private static final TestTsa TSA = TestTsa.issuedBy(PKI);
    private static RenderedDocument form;
    private static PdfVerifier verifier;

    @BeforeAll
    static void render() {
        form = Fixtures.poaForm().render(Fixtures.seedExample(), RenderOptions.STRICT);
        verifier = new PdfVerifier(PdfLimits.DEFAULTS, PKI.offlineTrust());
    }

    private static byte[] sign(PdfSigner signer, byte[] pdf, int slot, TSPSource timestamps) {
        SignatureSlot where = form.signatureSlots().get(slot);
        return signer.sign(
                pdf, where, new Signer(where.step(), "Firmante", "Cargo"), PKI.valid, Instant.now(), timestamps);
    }

    /** Bytes reserved for the CMS of {@code field}'s signature, and the bytes its CMS takes. */
    private static int[] room(byte[] pdf, String field) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            AcroFields fields = reader.getAcroFields();
            byte[] contents = fields.getSignatureDictionary(field)
                    .getAsString(PdfName.CONTENTS)
                    .getOriginalBytes();
            int used = new CMSSignedData(contents).getEncoded().length;
            return new int[] {contents.length, used};
        } finally {
            reader.close();
        }
    }

    @Test
    void theRoomFollowsTheCmsAndALargerTokenIsSignedAgainWithRoomForIt() throws Exception {
        PdfSigner signer = new PdfSigner(ZoneId.of("America/La_Paz"));
        byte[] first = sign(signer, form.content(), 0, TSA.source());
        int[] firstRoom = room(first, form.signatureSlots().get(0).step());
        // the first CMS of a key: its chain, the rest of the CMS and an allowance for the token, under the old 16 KB
        assertThat(firstRoom[0]).isLessThan(16 * 1024).isGreaterThan(firstRoom[1]);

        // the same key again: the room its last CMS took, and a margin
        byte[] second = sign(signer, first, 1, TSA.source());
        int[] secondRoom = room(second, form.signatureSlots().get(1).step());
        assertThat(secondRoom[0]).isLessThan(firstRoom[0]).isBetween(secondRoom[1], secondRoom[1] + 1024);

        // an authority whose tokens now carry 8 more certificates: larger than the room learnt, so signed again
        byte[] third = sign(signer, second, 2, fatter(TSA.source(), 8));
        int[] thirdRoom = room(third, form.signatureSlots().get(2).step());
        assertThat(thirdRoom[1]).isGreaterThan(secondRoom[0]);
        assertThat(thirdRoom[0]).isGreaterThanOrEqualTo(thirdRoom[1]);

        VerificationReport report = verifier.verify(third);
        assertThat(report.signatures())
                .hasSize(3)
                .allSatisfy(s -> assertThat(s.intact()).as(s.toString()).isTrue());
        assertThat(report.signatures()).allSatisfy(s -> assertThat(s.level()).isEqualTo("B-T"));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void spanishAymaraAndQuechuaNamesAreDrawnWithTheLatinCutAndAnyOtherScriptWithTheWholeFont() {
        PdfSigner signer = new PdfSigner(ZoneId.of("America/La_Paz"));
        String spanish = "José Ñáñez Güemes · Directora de Planificación\nFirmado digitalmente el 07/07/2021 12:00";
        String aymara = "Qhispi Mamaniʼ Ch'uqi · Técnico";
        assertThat(signer.fontFor(spanish).charExists('Ж')).as("the Latin cut").isFalse();
        assertThat(signer.fontFor(aymara).charExists('Ж')).as("the Latin cut").isFalse();
        assertThat(signer.fontFor("Жанна Иванова · Консультант").charExists('Ж'))
                .as("the whole font")
                .isTrue();
    }

    /**
     * A source whose tokens carry {@code extra} more certificates: they sit outside the token's signed attributes, so
     * the token stays valid, only larger, as one carrying its authority's full chain is.
     */
    private static TSPSource fatter(TSPSource source, int extra) {
        List<X509Certificate> padding = new ArrayList<>();
        for (int i = 0; i < extra; i++) {
            padding.add(PKI.signer("Relleno " + i, PKI.now.minus(Duration.ofDays(1)), PKI.now.plus(Duration.ofDays(30)))
                    .certificate());
        }
        return (algorithm, digest) -> {
            try {
                CMSSignedData token = new CMSSignedData(
                        source.getTimeStampResponse(algorithm, digest).getBytes());
                List<X509Certificate> certificates = new ArrayList<>(padding);
                certificates.add(TSA.certificate);
                CMSSignedData larger =
                        CMSSignedData.replaceCertificatesAndCRLs(token, new JcaCertStore(certificates), null, null);
                return new TimestampBinary(larger.getEncoded());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
