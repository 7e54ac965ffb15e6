package io.sello.signing;

import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import io.sello.support.Processes;
import io.sello.support.Tampering;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.assertj.core.api.Assertions;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Three incremental signatures in the FIRMA cells of Formulario N.5.B, checked by us and by poppler's pdfsig. */
class SignOffPdfTest {
    private static final Instant NOON = Instant.parse("2021-07-07T16:00:00Z");

    @TempDir
    static Path dir;

    private static SigningKey key;
    private static RenderedDocument form;
    private static byte[] signed;

    @BeforeAll
    static void signThreeTimes() {
        Path keystore = dir.resolve("dev.p12");
        Keystores.generateDevelopment(keystore, "secret".toCharArray(), "Sello test signer");
        key = Keystores.load(keystore, "secret".toCharArray(), null);
        form = Fixtures.poaForm().render(Fixtures.seedExample(), RenderOptions.STRICT);
        PdfSigner signer = new PdfSigner(ZoneId.of("America/La_Paz"));
        byte[] pdf = form.content();
        String[][] who = {
            {"ELABORADO", "Ana Quispe", "Técnico de Planificación"},
            {"REVISADO", "Luis Mamani", "Jefe de Unidad"},
            {"APROBADO", "Rosa Choque", "Directora General"}
        };
        for (int i = 0; i < who.length; i++) {
            pdf = signer.sign(
                    pdf,
                    slot(who[i][0]),
                    new Signer(who[i][0], who[i][1], who[i][2]),
                    key,
                    NOON.plusSeconds(3600L * i));
        }
        signed = pdf;
    }

    private static SignatureSlot slot(String step) {
        return form.signatureSlots().stream()
                .filter(s -> s.step().equals(step))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theFormMarksOneFirmaCellPerStepOnTheLastPage() {
        assertThat(form.signatureSlots())
                .extracting(SignatureSlot::step)
                .containsExactly("ELABORADO", "REVISADO", "APROBADO");
        int pages = PdfDocument.of(form.content()).pageCount();
        assertThat(form.signatureSlots()).allSatisfy(s -> {
            assertThat(s.page()).isEqualTo(pages);
            assertThat(s.x()).isEqualTo(570f); // 20 pt margin + 550 in the summary band
            assertThat(s.width()).isEqualTo(202f);
        });
        // top to bottom: ELABORADO, REVISADO, APROBADO
        assertThat(slot("ELABORADO").y()).isGreaterThan(slot("REVISADO").y());
        assertThat(slot("REVISADO").y()).isGreaterThan(slot("APROBADO").y());
    }

    @Test
    void threeSignaturesAreIntactAndEachCoversItsRevision() throws IOException {
        VerificationReport report = new PdfVerifier().verify(signed);
        assertThat(report.signatures())
                .extracting(SignatureCheck::step)
                .containsExactly("ELABORADO", "REVISADO", "APROBADO");
        assertThat(report.signatures())
                .allSatisfy(s -> assertThat(s.intact()).as(s.problem()).isTrue());
        // a development key: intact, never "valid" (issue 16): no trust anchor vouches for it
        assertThat(report.signatures()).allSatisfy(s -> {
            assertThat(s.valid()).isFalse();
            assertThat(s.verdict()).isEqualTo(Verdict.INDETERMINATE);
            assertThat(s.reason()).isEqualTo("certificado de desarrollo");
            assertThat(s.level()).isEqualTo("B-B");
        });
        assertThat(report.signatures()).extracting(SignatureCheck::revision).containsExactly(2, 3, 4);
        assertThat(report.signatures().get(1).signer()).isEqualTo("Luis Mamani");
        assertThat(report.signatures().get(1).time()).isEqualTo(NOON.plusSeconds(3600));
        assertThat(report.changedAfterLastSignature())
                .as(report.findings() + " " + report.revisions())
                .isFalse();
        assertThat(report.intact()).isTrue();
    }

    @Test
    void eachVisibleSignatureSitsInItsFirmaCell() throws IOException {
        try (var document = Loader.loadPDF(signed)) {
            var page = document.getPage(slot("APROBADO").page() - 1);
            List<PDAnnotation> widgets = page.getAnnotations().stream()
                    .filter(a -> "Widget".equals(a.getSubtype()))
                    .toList();
            assertThat(widgets).hasSize(3);
            for (var widget : widgets) {
                String step = widget.getCOSObject().getString(COSName.T);
                SignatureSlot cell = slot(step);
                // JasperReports writes landscape as a portrait page turned 90°: slots are in the page as seen.
                assertThat(page.getRotation()).isEqualTo(90);
                float portraitWidth = page.getMediaBox().getWidth();
                var rect = widget.getRectangle();
                float seenLeft = rect.getLowerLeftY();
                float seenRight = rect.getUpperRightY();
                float seenBottom = portraitWidth - rect.getUpperRightX();
                float seenTop = portraitWidth - rect.getLowerLeftX();
                assertThat(seenLeft).as(step).isBetween(cell.x(), cell.x() + 2);
                assertThat(seenBottom).as(step).isBetween(cell.y(), cell.y() + 2);
                assertThat(seenRight).as(step).isBetween(cell.x() + cell.width() - 2, cell.x() + cell.width());
                assertThat(seenTop).as(step).isBetween(cell.y() + cell.height() - 2, cell.y() + cell.height());
                assertThat(widget.getAppearance().getNormalAppearance().getAppearanceStream())
                        .as(step)
                        .isNotNull();
            }
        }
    }

    @Test
    void popplerAgreesThatAllThreeAreValid() throws Exception {
        Path file = dir.resolve("signed.pdf");
        Files.write(file, signed);
        String out = Processes.run("pdfsig", file.toString());
        assertThat(out).contains("Signature #3");
        assertThat(out.split("Signature is Valid", -1)).hasSize(4);
        assertThat(out).doesNotContain("Signature is Invalid");
    }

    @Test
    void aFlippedByteBreaksTheSignaturesThatCoverIt() {
        // a byte inside the first page's content stream, which every signature covers
        assertThat(indexOf(signed, "stream") + 60).isGreaterThan(60).isLessThan(form.content().length);
        byte[] tampered = Tampering.flipByteInFirstStream(signed);
        VerificationReport report = new PdfVerifier().verify(tampered);
        // the figures sit in a compressed stream, so a flipped byte may damage it rather than change a digit:
        // either way no signature may still verify
        assertThat(report.signatures()).noneMatch(SignatureCheck::intact);
        assertThat(report.intact()).isFalse();
    }

    @Test
    void anAppendedUpdateChangingAFigureIsFlagged() throws Exception {
        // A classic attack: keep every signed byte, append an incremental update that redraws a total.
        byte[] changed = Tampering.appendPaintOver(signed);
        assertThat(changed.length).isGreaterThan(signed.length);
        VerificationReport report = new PdfVerifier().verify(changed);
        assertThat(report.signatures()).allMatch(SignatureCheck::intact); // the old bytes are intact...
        assertThat(report.changedAfterLastSignature()).isTrue(); // ...but the file is not what was signed
        assertThat(report.intact()).isFalse();
        assertThat(report.findings()).anySatisfy(f -> assertThat(f).contains("changed after it was signed"));
    }

    /** PAdES B-B (ETSI EN 319 142-1): signing-certificate-v2 signed, no signing-time, SubFilter ETSI.CAdES.detached. */
    @Test
    void theSignaturesCarryThePadesBaselineAttributes() throws Exception {
        var reader = new PdfReader(signed);
        var fields = reader.getAcroFields();
        for (String name : List.of("ELABORADO", "REVISADO", "APROBADO")) {
            var dictionary = fields.getSignatureDictionary(name);
            assertThat(dictionary.getAsName(PdfName.SUBFILTER).toString()).isEqualTo("/ETSI.CAdES.detached");
            byte[] contents = dictionary.getAsString(PdfName.CONTENTS).getOriginalBytes();
            try (var der = new ASN1InputStream(contents)) {
                var cms = new CMSSignedData(ContentInfo.getInstance(der.readObject()));
                var attributes =
                        cms.getSignerInfos().getSigners().iterator().next().getSignedAttributes();
                assertThat(attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
                        .as(name)
                        .isNotNull();
                assertThat(attributes.get(CMSAttributes.signingTime)).as(name).isNull();
                assertThat(cms.isDetachedSignature()).isTrue();
                assertThat(cms.getDigestAlgorithmIDs())
                        .extracting(a -> a.getAlgorithm().getId())
                        .containsExactly(NISTObjectIdentifiers.id_sha256.getId());
            }
        }
    }

    @Test
    void eachSignerMayHaveTheirOwnKeystore() throws Exception {
        Path service = dir.resolve("service.p12");
        Path personal = dir.resolve("rosa.p12");
        Keystores.generateDevelopment(personal, "rosa-secret".toCharArray(), "Rosa Choque");
        SigningKeys keys = new SigningKeys(
                new SigningProperties(
                        service,
                        "service-secret",
                        Map.of("rosa", new SigningProperties.Signer(personal, "rosa-secret")),
                        null),
                true);
        assertThat(service).exists(); // generated, as on a first start
        assertThat(keys.forUser("rosa").certificate().getSubjectX500Principal().getName())
                .contains("CN=Rosa Choque");
        assertThat(keys.forUser("ana").certificate().getSubjectX500Principal().getName())
                .contains("CN=Sello");
        Assertions.assertThatThrownBy(() -> new SigningKeys(
                        new SigningProperties(dir.resolve("missing.p12"), "x-secret", null, null), false))
                .hasMessageContaining("sello.signing.keystore");
    }

    private static int indexOf(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).indexOf(needle);
    }
}
