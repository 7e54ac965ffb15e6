package io.sello.signing;

import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.support.Fixtures;
import io.sello.support.TestPki;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 §4, "wrong key usage": a certificate of the trusted PKI issued for encryption only (keyEncipherment) signs
 * mathematically, but is not a signing certificate (RFC 5280 4.2.1.3); DSS's default policy only warns about it, so
 * Sello's policy makes it fail. The same PKI's signing certificate (digitalSignature, nonRepudiation) stays VALID.
 */
class KeyUsageTest {
    private static final TestPki PKI = new TestPki();
    private static final RenderedDocument FORM =
            Fixtures.poaForm().render(Fixtures.seedExample(), RenderOptions.STRICT);
    private static final PdfVerifier VERIFIER = verifier();

    private static PdfVerifier verifier() {
        return new PdfVerifier(PdfLimits.DEFAULTS, PKI.offlineTrust());
    }

    private static SignatureCheck signedBy(SigningKey key) {
        SignatureSlot slot = FORM.signatureSlots().get(0);
        byte[] pdf = new PdfSigner(ZoneId.of("America/La_Paz"))
                .sign(FORM.content(), slot, new Signer(slot.step(), "Ana Quispe", "Cargo"), key, Instant.now());
        return VERIFIER.verify(pdf).signatures().get(0);
    }

    @Test
    void aCertificateNotMeantForSigningIsNeverValid() {
        SignatureCheck check = signedBy(PKI.wrongKeyUsage);
        assertThat(check.intact()).isTrue();
        assertThat(check.verdict()).as(check.reason()).isNotEqualTo(Verdict.VALID);
        assertThat(check.reason()).isEqualTo("el certificado no está habilitado para firmar (uso de clave)");
    }

    @Test
    void theSigningCertificateOfTheSamePkiIsValid() {
        SignatureCheck check = signedBy(PKI.valid);
        assertThat(check.verdict())
                .as(check.reason() + " " + check.subIndication())
                .isEqualTo(Verdict.VALID);
    }
}
