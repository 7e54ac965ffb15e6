package io.sello.signing;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfStream;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.support.Fixtures;
import io.sello.support.TestPki;
import io.sello.support.TestTsa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PAdES B-T, B-LT and B-LTA (issue 16): a Sello sign-off extended by EU DSS {@code extendDocument} with an in-process
 * TSA. Each document timestamp is checked and listed as a timestamp, not as a broken signature; a revision that only
 * adds the /DSS validation data is no change to the document, but one that slips a change in with it still is.
 */
class LongTermVerificationTest {
    private static TestPki pki;
    private static TestTsa tsa;
    private static RenderedDocument form;
    private static PdfVerifier verifier;
    private static byte[] signed;

    @BeforeAll
    static void setUp() {
        pki = new TestPki();
        tsa = TestTsa.issuedBy(pki);
        form = Fixtures.poaForm().render(Fixtures.seedExample(), RenderOptions.STRICT);
        TrustValidator trust = pki.offlineTrust();
        verifier = new PdfVerifier(PdfLimits.DEFAULTS, trust);
        signed = sign(form.content(), "ELABORADO");
    }

    static byte[] sign(byte[] pdf, String step) {
        SignatureSlot slot = form.signatureSlots().stream()
                .filter(s -> s.step().equals(step))
                .findFirst()
                .orElseThrow();
        return new PdfSigner(ZoneId.of("America/La_Paz"))
                .sign(pdf, slot, new Signer(step, "Ana Quispe", "Cargo"), pki.valid, Instant.now());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignatureLevel.class,
            names = {"PAdES_BASELINE_T", "PAdES_BASELINE_LT", "PAdES_BASELINE_LTA"})
    void anExtendedSignOffIsIntactUnchangedAndValid(SignatureLevel level) {
        Instant before = Instant.now().minusSeconds(2);
        VerificationReport report = verifier.verify(tsa.extend(signed, level, pki));

        assertThat(report.findings()).isEmpty();
        assertThat(report.intact()).isTrue();
        assertThat(report.changedAfterLastSignature()).isFalse();
        assertThat(report.signatures()).hasSize(1);
        SignatureCheck signature = report.signatures().get(0);
        assertThat(signature.field()).isEqualTo("ELABORADO");
        assertThat(signature.level())
                .isEqualTo(
                        switch (level) {
                            case PAdES_BASELINE_T -> "B-T";
                            case PAdES_BASELINE_LT -> "B-LT";
                            default -> "B-LTA";
                        });
        assertThat(signature.timestampTime()).isBetween(before, Instant.now());
        assertThat(signature.verdict()).as(signature.reason()).isEqualTo(Verdict.VALID);
        assertThat(report.allValid()).isTrue();
        // B-T and B-LT: one document timestamp; B-LTA: a second one over the validation data
        assertThat(report.timestamps()).hasSize(level == SignatureLevel.PAdES_BASELINE_LTA ? 2 : 1);
        for (TimestampCheck timestamp : report.timestamps()) {
            assertThat(timestamp.intact()).as(timestamp.problem()).isTrue();
            assertThat(timestamp.trusted()).isTrue();
            assertThat(timestamp.tsa()).isEqualTo("Sello Test TSA");
            assertThat(timestamp.time()).isBetween(before, Instant.now());
            assertThat(timestamp.revision()).isGreaterThan(signature.revision());
        }
        assertThat(signature.timestampTime())
                .isEqualTo(report.timestamps().get(0).time());
        // B-LT and B-LTA: the revision with the /DSS dictionary is one of the file's revisions, and no change
        assertThat(report.revisions())
                .isEqualTo(
                        switch (level) {
                            case PAdES_BASELINE_T -> 3;
                            case PAdES_BASELINE_LT -> 4;
                            default -> 5;
                        });
    }

    @Test
    void twoSignOffsEachExtendedToLtaAreIntactAndUnchanged() {
        byte[] pdf = tsa.extend(signed, SignatureLevel.PAdES_BASELINE_LTA, pki);
        pdf = sign(pdf, "REVISADO");
        pdf = tsa.extend(pdf, SignatureLevel.PAdES_BASELINE_LTA, pki);

        VerificationReport report = verifier.verify(pdf);
        assertThat(report.findings()).isEmpty();
        assertThat(report.intact()).isTrue();
        assertThat(report.changedAfterLastSignature()).isFalse();
        assertThat(report.signatures()).extracting(SignatureCheck::field).containsExactly("ELABORADO", "REVISADO");
        assertThat(report.signatures()).allSatisfy(s -> {
            assertThat(s.verdict()).as(s.field() + ": " + s.reason()).isEqualTo(Verdict.VALID);
            assertThat(s.timestampTime()).isNotNull();
        });
        assertThat(report.signatures().get(0).level()).isEqualTo("B-LTA");
        // DSS 6.1 adds no validation data already in the /DSS dictionary (same signer, same CRLs), and then reads the
        // later sign-off as B-T: the data it needs sits in a revision before that signature
        assertThat(report.signatures().get(1).level()).isIn("B-T", "B-LT", "B-LTA");
        assertThat(report.timestamps())
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(t -> assertThat(t.trusted()).isTrue());
        assertThat(report.timestamps()).extracting(TimestampCheck::time).isSorted();
    }

    /** Control for the cases below: a /DSS revision written by another tool (OpenPDF's stamper) is no change either. */
    @Test
    void aValidationDataRevisionFromAnotherToolIsNoChange() throws Exception {
        byte[] pdf =
                appendValidationData(tsa.extend(signed, SignatureLevel.PAdES_BASELINE_T, pki), (stamper, reader) -> {});
        VerificationReport report = verifier.verify(pdf);
        assertThat(report.findings()).isEmpty();
        assertThat(report.changedAfterLastSignature()).isFalse();
        assertThat(report.intact()).isTrue();
    }

    @Test
    void anOpenActionSlippedInWithValidationDataIsAChange() throws Exception {
        byte[] pdf = appendValidationData(
                tsa.extend(signed, SignatureLevel.PAdES_BASELINE_T, pki),
                (stamper, reader) -> reader.getCatalog().put(PdfName.OPENACTION, new PdfAction(PdfAction.LASTPAGE)));
        assertChanged(verifier.verify(pdf), "the document catalogue", "/OpenAction");
    }

    @Test
    void anAnnotationSlippedInWithValidationDataIsAChange() throws Exception {
        // a shadow-attack-like overlay: a white box over a figure, as an annotation on the signed page
        byte[] pdf =
                appendValidationData(tsa.extend(signed, SignatureLevel.PAdES_BASELINE_LT, pki), (stamper, reader) -> {
                    PdfAnnotation box = PdfAnnotation.createSquareCircle(
                            stamper.getWriter(), new Rectangle(300, 300, 500, 320), "", true);
                    box.put(new PdfName("IC"), new PdfArray(new float[] {1, 1, 1}));
                    stamper.addAnnotation(box, 1);
                });
        assertChanged(verifier.verify(pdf), "a page", "/Annots");
    }

    @Test
    void aContentStreamSlippedInWithValidationDataIsAChange() throws Exception {
        byte[] pdf =
                appendValidationData(tsa.extend(signed, SignatureLevel.PAdES_BASELINE_LTA, pki), (stamper, reader) -> {
                    var canvas = stamper.getOverContent(1);
                    canvas.setColorFill(Color.WHITE);
                    canvas.rectangle(300, 300, 200, 20);
                    canvas.fill();
                });
        assertChanged(verifier.verify(pdf), "a page", "/Contents");
    }

    /**
     * The signed revision's page 2 lists an annotation under an object number it never defines (viewers skip it); a
     * later "validation data" revision defines that number as a white box and lists it among the /DSS certificates.
     * Every earlier object is unchanged, yet page 2 now shows the box.
     */
    @Test
    void anObjectAddedAsValidationDataButUsedByASignedPageIsAChange() throws Exception {
        // OpenPDF's stamper renumbers a reference to an undefined object, so the prepared revision is edited by hand:
        // its page 2 lists the stamper's placeholder; the same number of digits keeps every offset of the xref
        int number = 97;
        PdfReader unsigned = new PdfReader(form.content());
        ByteArrayOutputStream prepared = new ByteArrayOutputStream();
        PdfStamper preparing = new PdfStamper(unsigned, prepared, '\0', true);
        PdfDictionary page = unsigned.getPageN(2); // DSS puts its timestamp widgets on page 1, rewriting its list
        PdfArray annotations =
                page.getAsArray(PdfName.ANNOTS) == null ? new PdfArray() : page.getAsArray(PdfName.ANNOTS);
        annotations.add(new PRIndirectReference(unsigned, 5000));
        page.put(PdfName.ANNOTS, annotations);
        preparing.markUsed(page);
        preparing.close();
        String text = new String(prepared.toByteArray(), StandardCharsets.ISO_8859_1);
        Matcher placeholder =
                Pattern.compile("/Annots\\[(\\d\\d) 0 R\\]").matcher(text.substring(form.content().length));
        assertThat(placeholder.find()).isTrue();
        byte[] dangling = prepared.toByteArray();
        int at = form.content().length + placeholder.start(1);
        dangling[at] = '9';
        dangling[at + 1] = '7';
        byte[] extended = tsa.extend(sign(dangling, "ELABORADO"), SignatureLevel.PAdES_BASELINE_T, pki);
        assertThat(verifier.verify(extended).findings()).isEmpty(); // the dangling reference itself shows nothing

        byte[] pdf = appendValidationData(extended, (stamper, reader) -> {
            try {
                PdfDictionary box = new PdfDictionary(PdfName.ANNOT);
                box.put(PdfName.SUBTYPE, PdfName.SQUARE);
                box.put(PdfName.RECT, new PdfArray(new float[] {300, 300, 500, 320}));
                box.put(new PdfName("IC"), new PdfArray(new float[] {1, 1, 1}));
                PdfArray certificates = new PdfArray();
                certificates.add(stamper.getWriter().addToBody(box, number).getIndirectReference());
                PdfDictionary dss = new PdfDictionary();
                dss.put(new PdfName("Certs"), certificates);
                reader.getCatalog()
                        .put(
                                new PdfName("DSS"),
                                stamper.getWriter().addToBody(dss).getIndirectReference());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        VerificationReport report = verifier.verify(pdf);
        assertThat(report.changedAfterLastSignature()).isTrue();
        assertThat(report.findings())
                .anySatisfy(f -> assertThat(f)
                        .contains("a page")
                        .contains("uses object " + number)
                        .contains("added with the validation data"));
    }

    private static void assertChanged(VerificationReport report, String what, String key) {
        assertThat(report.changedAfterLastSignature()).isTrue();
        assertThat(report.intact()).isFalse();
        assertThat(report.findings())
                .anySatisfy(f -> assertThat(f)
                        .contains("was appended after a signature and is not a signature")
                        .contains(what)
                        .contains(key));
    }

    @Test
    void aTimestampFromAnAuthorityUnderNoAnchorIsUntrustedAndTheSignatureNotValid() {
        VerificationReport report =
                verifier.verify(TestTsa.selfSigned().extend(signed, SignatureLevel.PAdES_BASELINE_T, pki));

        assertThat(report.timestamps()).singleElement().satisfies(t -> {
            assertThat(t.intact()).as(t.problem()).isTrue(); // its bytes are fine: only its authority is unknown
            assertThat(t.trusted()).isFalse();
            assertThat(t.tsa()).isEqualTo("Rogue TSA");
        });
        assertThat(report.intact()).isTrue();
        SignatureCheck signature = report.signatures().get(0);
        assertThat(signature.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(signature.reason()).isEqualTo("el sello de tiempo no es de una autoridad de confianza");
        assertThat(report.allValid()).isFalse();
    }

    @Test
    void aTimestampWhoseBytesWereChangedIsNotIntact() {
        byte[] pdf = tsa.extend(signed, SignatureLevel.PAdES_BASELINE_T, pki);
        // a byte of the timestamp's own revision, after the signature and inside the timestamped range: the widget's
        // empty /Rect becomes a 1-point one (same length, so every offset still holds)
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/Rect[0 0 0 0]", signed.length);
        assertThat(at).isPositive();
        byte[] tampered = pdf.clone();
        tampered[at + "/Rect[0 0 0 ".length()] = '1';

        VerificationReport report = verifier.verify(tampered);
        assertThat(report.timestamps()).singleElement().satisfies(t -> {
            assertThat(t.intact()).isFalse();
            assertThat(t.trusted()).isFalse();
            assertThat(t.problem()).isEqualTo("the timestamped bytes were changed");
        });
        assertThat(report.intact()).isFalse();
        assertThat(report.findings())
                .anySatisfy(f -> assertThat(f).startsWith("document timestamp Signature1 is not valid"));
        SignatureCheck signature = report.signatures().get(0);
        assertThat(signature.intact()).isTrue(); // its own bytes are before the change
        assertThat(signature.valid()).isFalse();
        assertThat(signature.reason()).isEqualTo("el sello de tiempo está dañado");
    }

    /**
     * An incremental revision as another tool would write validation data: a /DSS dictionary with a certificate stream
     * in the catalogue, plus whatever {@code more} slips in.
     */
    private static byte[] appendValidationData(byte[] pdf, BiConsumer<PdfStamper, PdfReader> more) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfStamper stamper = new PdfStamper(reader, out, '\0', true);
        var writer = stamper.getWriter();
        PdfArray certificates = new PdfArray();
        certificates.add(
                writer.addToBody(new PdfStream(pki.intermediate.getEncoded())).getIndirectReference());
        PdfDictionary dss = new PdfDictionary();
        dss.put(new PdfName("Certs"), certificates);
        reader.getCatalog().put(new PdfName("DSS"), writer.addToBody(dss).getIndirectReference());
        more.accept(stamper, reader);
        stamper.markUsed(reader.getCatalog());
        stamper.close();
        byte[] appended = out.toByteArray();
        assertThat(PdfVerifier.revisionEnds(appended))
                .hasSize(PdfVerifier.revisionEnds(pdf).size() + 1);
        return appended;
    }
}
