package io.sello.signing;

import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.support.Fixtures;
import io.sello.support.VeraPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored documents are PDF/A-3b, and stay so through signature fields, the QR stamp and three signatures (veraPDF). */
class PdfaTest {
    @TempDir
    static Path dir;

    static void assertPdfA3b(byte[] pdf) throws Exception {
        VeraPdf.assertPdfA3b(pdf);
    }

    @Test
    void theFormIsPdfAFromRenderThroughStampAndSignatures() throws Exception {
        RenderedDocument form = Fixtures.poaForm().render(Fixtures.seedExample(), RenderOptions.STRICT);
        assertPdfA3b(form.content());
        byte[] withFields = SignatureFields.add(form.content(), form.signatureSlots());
        assertPdfA3b(withFields);
        byte[] stamped = new VerificationStamp()
                .stamp(
                        withFields,
                        "http://localhost:8080/verify/0f8fad5b-d9cb-469f-a165-70867728950e",
                        "Verificar: http://localhost:8080/verify/0f8fad5b-d9cb-469f-a165-70867728950e\nSHA-256 0123456789abcdef");
        assertPdfA3b(stamped);
        Path keystore = dir.resolve("k.p12");
        Keystores.generateDevelopment(keystore, "secret".toCharArray(), "PDF/A test");
        SigningKey key = Keystores.load(keystore, "secret".toCharArray(), null);
        byte[] pdf = stamped;
        for (SignatureSlot slot : form.signatureSlots()) {
            pdf = new PdfSigner(ZoneId.of("America/La_Paz"))
                    .sign(
                            pdf,
                            null,
                            new Signer(slot.step(), "Firmante " + slot.step(), "Cargo"),
                            key,
                            Instant.parse("2021-07-07T16:00:00Z"));
        }
        assertPdfA3b(pdf);
        assertThat(new PdfVerifier().verify(pdf).intact()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "operational-plan, examples/operational-plan/small-plan.json",
        "agreement-amendment, examples/agreement-amendment/minimal.json",
        "agreement-amendment, examples/agreement-amendment/pcc-peru-2008.json",
        "budget-summary, examples/budget-summary/cuadro-1-programa.json"
    })
    void theHtmlEngineWritesPdfAToo(String type, Path example) throws Exception {
        byte[] pdf = Fixtures.types()
                .find(type)
                .orElseThrow()
                .render(Fixtures.read(example), RenderOptions.LENIENT)
                .content();
        assertPdfA3b(pdf);
    }
}
