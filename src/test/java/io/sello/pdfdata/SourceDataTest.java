package io.sello.pdfdata;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEFStream;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;
import io.sello.document.DocumentType;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.input.LimitsProperties;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.RenderingProperties;
import io.sello.rendering.SourceAttachment;
import io.sello.rendering.TemplateId;
import io.sello.rendering.jasper.JasperDocumentRenderer;
import io.sello.signing.Keystores;
import io.sello.signing.PdfLimits;
import io.sello.signing.PdfRefusedException;
import io.sello.signing.PdfSigner;
import io.sello.signing.PdfVerifier;
import io.sello.signing.SignatureFields;
import io.sello.signing.Signer;
import io.sello.signing.SigningKey;
import io.sello.signing.VerificationReport;
import io.sello.support.CraftedPdfs;
import io.sello.support.Fixtures;
import io.sello.support.VeraPdf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17, point 4: every rendered PDF carries the request's JSON as its /Source associated file, reads back as that
 * JSON, stays PDF/A-3b, and a changed attachment is caught by the signature verifier.
 */
class SourceDataTest {
    private static final LimitsProperties LIMITS =
            new LimitsProperties(null, null, null, null, null, null, null, null, null);
    private static final PdfDataImport IMPORT = new PdfDataImport(PdfLimits.DEFAULTS, LIMITS);

    @TempDir
    static Path dir;

    static SigningKey key;

    @BeforeAll
    static void key() throws Exception {
        Path keystore = dir.resolve("k.p12");
        Keystores.generateDevelopment(keystore, "secret".toCharArray(), "Source data test");
        key = Keystores.load(keystore, "secret".toCharArray(), null);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "poa-execution-form, examples/poa-execution-form/senavex-2020-julio.json",
        "operational-plan, examples/operational-plan/small-plan.json",
        "agreement-amendment, examples/agreement-amendment/minimal.json",
        "agreement-amendment, examples/agreement-amendment/pcc-peru-2008.json",
        "budget-summary, examples/budget-summary/cuadro-1-programa.json"
    })
    void everyTypeGivesBackTheJsonItWasRenderedFromAsOneSourceFile(String type, Path example) throws Exception {
        DocumentType documentType = Fixtures.types().find(type).orElseThrow();
        byte[] json = Fixtures.read(example);
        byte[] pdf = documentType.render(json, RenderOptions.LENIENT).content();

        assertThat(IMPORT.embedded(pdf)).hasValue(json);
        assertThat(IMPORT.find(documentType, pdf))
                .hasValueSatisfying(imported -> assertThat(imported.json()).isEqualTo(json));

        // the structure PDF/A-3 asks for: one file specification, in /AF and in the EmbeddedFiles name tree
        PdfReader reader = new PdfReader(pdf);
        PdfArray associated = reader.getCatalog().getAsArray(PdfName.AF);
        assertThat(associated.size()).isEqualTo(1);
        PdfDictionary file = associated.getAsDict(0);
        assertThat(file.getAsName(SourceAttachment.AF_RELATIONSHIP)).isEqualTo(SourceAttachment.SOURCE);
        assertThat(file.getAsString(PdfName.UF).toUnicodeString())
                .isEqualTo(documentType.id().value() + ".json");
        PdfDictionary stream = file.getAsDict(PdfName.EF).getAsStream(PdfName.F);
        assertThat(stream.getAsName(PdfName.SUBTYPE)).isEqualTo(new PdfName("application/json"));
        assertThat(stream.getAsDict(PdfName.PARAMS).get(PdfName.MODDATE)).isNotNull();
        PdfArray names = reader.getCatalog()
                .getAsDict(PdfName.NAMES)
                .getAsDict(PdfName.EMBEDDEDFILES)
                .getAsArray(PdfName.NAMES);
        assertThat(names.size()).isEqualTo(2);
        assertThat(names.getAsIndirectObject(1).getNumber())
                .isEqualTo(associated.getAsIndirectObject(0).getNumber());
        reader.close();
        VeraPdf.assertPdfA3b(pdf);
    }

    /** The request bytes as sent: key order, spacing and non-ASCII text are not normalised away. */
    @Test
    void theExactBytesOfTheRequestAreEmbedded() {
        byte[] json = Fixtures.utf8(Fixtures.smallForm().replaceFirst("\\{", "{   "));
        byte[] pdf = Fixtures.poaForm().render(json, RenderOptions.STRICT).content();
        assertThat(IMPORT.embedded(pdf)).hasValue(json);
    }

    @Test
    void withEmbeddingSwitchedOffThePdfIsStillPdfA3bButCarriesNoData() throws Exception {
        DocumentType form = Fixtures.type(
                "poa-execution-form",
                new JasperDocumentRenderer(RenderingProperties.defaults().withEmbedSource(false)));
        byte[] pdf = form.render(Fixtures.seedExample(), RenderOptions.STRICT).content();
        assertThat(IMPORT.embedded(pdf)).isEmpty();
        assertThatThrownBy(() -> IMPORT.read(form, pdf))
                .isInstanceOfSatisfying(
                        PdfDataRefusedException.class, e -> assertThat(e.type()).isEqualTo("no-embedded-data"));
        VeraPdf.assertPdfA3b(pdf);
    }

    @Test
    void embeddedDataThatBreaksTheContractIsRefusedWithItsPointers() throws Exception {
        byte[] bad = Fixtures.utf8(
                Fixtures.smallForm().replace("\"cutOffDate\": \"2024-03-31\"", "\"cutOffDate\": \"2024-02-31\""));
        assertThat(bad).isNotEqualTo(Fixtures.utf8(Fixtures.smallForm()));
        byte[] pdf = pdfCarrying(bad);
        assertThat(IMPORT.embedded(pdf)).hasValue(bad);
        assertThatThrownBy(() -> IMPORT.read(Fixtures.poaForm(), pdf))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(InputError::pointer)
                                .contains("/header/cutOffDate"));
    }

    @Test
    void notAPdfAnAttachmentOverTheLimitAndAPlainPdfAreRefused() throws Exception {
        assertThatThrownBy(() -> IMPORT.read(Fixtures.poaForm(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RuntimeException.class);
        byte[] pdf = Fixtures.poaForm()
                .render(Fixtures.seedExample(), RenderOptions.STRICT)
                .content();
        assertThatThrownBy(() -> new SourceReader(PdfLimits.DEFAULTS, 1024).read(pdf))
                .isInstanceOfSatisfying(
                        PdfDataRefusedException.class,
                        e -> assertThat(e.status().value()).isEqualTo(413));
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, plain);
        document.open();
        document.add(new Paragraph("{\"header\": \"no es un dato incrustado\"}"));
        document.close();
        assertThat(IMPORT.embedded(plain.toByteArray()))
                .as("visible text is never read")
                .isEmpty();

        // uploads are bounded as the verifier's are, before OpenPDF parses anything
        for (byte[] hostile : List.of(
                CraftedPdfs.declaredObjects(50_000_000),
                CraftedPdfs.xrefStreamBomb(512),
                CraftedPdfs.nestedArrays(10_000))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> IMPORT.read(Fixtures.poaForm(), hostile))
                    .isInstanceOfSatisfying(
                            PdfRefusedException.class,
                            e -> assertThat(e.overLimit()).isTrue());
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .as("refused quickly")
                    .isLessThan(5_000);
        }
        assertThatThrownBy(() -> IMPORT.read(Fixtures.poaForm(), CraftedPdfs.selfReferencingPageTree()))
                .isInstanceOf(RuntimeException.class);
    }

    /**
     * The attachment is part of the first revision, which every signature covers. Replaced in an incremental update
     * after signing, the signatures still hold for their revision but the verifier reports the later change; changed in
     * place, the signature no longer holds.
     */
    @Test
    void aChangedAttachmentIsCaughtByTheSignatureVerifier() throws Exception {
        RenderedDocument form = Fixtures.poaForm().render(Fixtures.seedExample(), RenderOptions.STRICT);
        byte[] signed = sign(form);
        VerificationReport untouched = new PdfVerifier().verify(signed);
        assertThat(untouched.intact()).isTrue();
        assertThat(untouched.changedAfterLastSignature()).isFalse();
        assertThat(untouched.findings())
                .as("the source data is not reported as an attachment to beware of")
                .noneMatch(finding -> finding.contains("embeds"));
        VeraPdf.assertPdfA3b(signed);

        byte[] forged =
                Fixtures.utf8(new String(Fixtures.seedExample(), StandardCharsets.UTF_8).replace("SENAVEX", "OTRA"));
        byte[] updated = replaceAttachmentInUpdate(signed, forged);
        assertThat(IMPORT.embedded(updated)).hasValue(forged);
        VerificationReport later = new PdfVerifier().verify(updated);
        assertThat(later.changedAfterLastSignature())
                .as("an update that is not a signature after the signature")
                .isTrue();
        assertThat(later.intact()).isFalse();

        byte[] inPlace = flipByteInAttachment(signed);
        VerificationReport changed = new PdfVerifier().verify(inPlace);
        assertThat(changed.signatures()).isNotEmpty().noneMatch(s -> s.intact());
        assertThat(changed.intact()).isFalse();
    }

    private static byte[] sign(RenderedDocument form) throws Exception {
        byte[] pdf = SignatureFields.add(form.content(), form.signatureSlots());
        var slot = form.signatureSlots().get(0);
        return new PdfSigner(ZoneId.of("America/La_Paz"))
                .sign(
                        pdf,
                        null,
                        new Signer(slot.step(), "Firmante", "Cargo"),
                        key,
                        Instant.parse("2021-07-07T16:00:00Z"));
    }

    /** A new embedded file stream in an incremental update, the file specification pointed at it. */
    private static byte[] replaceAttachmentInUpdate(byte[] pdf, byte[] json) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfStamper stamper = new PdfStamper(reader, out, '\0', true);
        PdfDictionary file = reader.getCatalog().getAsArray(PdfName.AF).getAsDict(0);
        PdfDictionary ef = file.getAsDict(PdfName.EF);
        PdfEFStream stream = new PdfEFStream(json);
        stream.put(PdfName.TYPE, PdfName.EMBEDDEDFILE);
        stream.put(PdfName.SUBTYPE, new PdfName("application/json"));
        var reference = stamper.getWriter().addToBody(stream).getIndirectReference();
        ef.put(PdfName.F, reference);
        ef.put(PdfName.UF, reference);
        stamper.markUsed(ef);
        stamper.markUsed(file);
        stamper.close();
        return out.toByteArray();
    }

    /** One bit flipped inside the embedded file's stream, in the signed first revision. */
    private static byte[] flipByteInAttachment(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int dictionary = text.indexOf("/EmbeddedFile");
        assertThat(dictionary).isPositive();
        int data = text.indexOf("stream", dictionary) + "stream".length() + 10;
        byte[] tampered = pdf.clone();
        tampered[data] ^= 0x01;
        return tampered;
    }

    /** A plain OpenPDF document with {@code json} embedded as Sello embeds it. */
    private static byte[] pdfCarrying(byte[] json) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        SourceAttachment.register(
                writer,
                new RenderRequest(new TemplateId("poa-execution-form"), "t", Map.of(), List.of()).withSource(json),
                true,
                3);
        document.open();
        document.add(new Paragraph("x"));
        document.close();
        return out.toByteArray();
    }
}
