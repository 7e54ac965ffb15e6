package io.sello.signing;

import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.support.Fixtures;
import io.sello.support.Processes;
import io.sello.support.Tampering;
import io.sello.support.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trust (issue 16, point 2): the same Formulario N.5.B signed by certificates of an offline test PKI, each rated by
 * EU DSS through {@link PdfVerifier}. Only the signer whose chain reaches the configured root, in force and not
 * revoked, is VALID; a self-signed certificate in an official's name never is.
 */
class TrustVerificationTest {
    @TempDir
    static Path dir;

    private static TestPki pki;
    private static RenderedDocument form;
    private static PdfVerifier verifier;

    @BeforeAll
    static void setUp() throws Exception {
        pki = new TestPki();
        form = Fixtures.poaForm().render(Fixtures.seedExample(), RenderOptions.STRICT);
        // the PKI's root is the one trust anchor, read from a folder of PEM files as a deployment configures it
        Path roots = Files.createDirectories(dir.resolve("roots"));
        Files.writeString(roots.resolve("root.pem"), pem(pki.root.getEncoded()));
        TrustValidator trust = new TrustValidator(new TrustProperties(roots, false, List.of()), List.of(), pki.crls());
        assertThat(trust.trustAnchors()).isEqualTo(1);
        verifier = new PdfVerifier(PdfLimits.DEFAULTS, trust);
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }

    static byte[] sign(byte[] pdf, String step, String name, SigningKey key) {
        SignatureSlot slot = form.signatureSlots().stream()
                .filter(s -> s.step().equals(step))
                .findFirst()
                .orElseThrow();
        return new PdfSigner(ZoneId.of("America/La_Paz"))
                .sign(pdf, slot, new Signer(step, name, "Cargo"), key, Instant.now());
    }

    private static SignatureCheck only(byte[] pdf) {
        VerificationReport report = verifier.verify(pdf);
        assertThat(report.signatures()).hasSize(1);
        return report.signatures().get(0);
    }

    @Test
    void aSignerWhoseChainReachesTheTrustedRootIsValid() {
        SignatureCheck check = only(sign(form.content(), "ELABORADO", "Ana Quispe", pki.valid));
        assertThat(check.verdict())
                .as(check.reason() + " " + check.subIndication())
                .isEqualTo(Verdict.VALID);
        assertThat(check.valid()).isTrue();
        assertThat(check.chain()).isEqualTo(TrustValidator.Chain.TRUSTED);
        assertThat(check.level()).isEqualTo("B-B");
        assertThat(check.signerCommonName()).isEqualTo("Ana Quispe");
        assertThat(check.timestampTime()).isNull(); // B-B: no signature timestamp
    }

    /**
     * The service's default: no fetching, and Sello's B-B signatures embed no CRL or OCSP answer. A trusted signer is
     * then not yet VALID: DSS's default policy wants revocation data for the signer and the intermediate CA.
     */
    @Test
    void aTrustedSignerWithoutRevocationDataIsNotConclusive() {
        PdfVerifier offline =
                new PdfVerifier(PdfLimits.DEFAULTS, new TrustValidator(TrustProperties.NONE, List.of(pki.root), null));
        VerificationReport report = offline.verify(sign(form.content(), "ELABORADO", "Ana Quispe", pki.valid));
        SignatureCheck check = report.signatures().get(0);
        assertThat(check.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(check.subIndication()).isEqualTo("CERTIFICATE_CHAIN_GENERAL_FAILURE");
        assertThat(check.reason()).isEqualTo("sin datos de revocación");
        assertThat(check.chain()).isEqualTo(TrustValidator.Chain.TRUSTED);
    }

    @Test
    void aSelfSignedCertificateInAnOfficialsNameIsNeverValid() {
        SignatureCheck check = only(sign(form.content(), "APROBADO", "Rosa Choque", pki.forged));
        assertThat(check.intact())
                .isTrue(); // the maths hold: that was the bug, "valid" for anyone's self-made certificate
        assertThat(check.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(check.valid()).isFalse();
        assertThat(check.subIndication()).isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
        assertThat(check.reason()).isEqualTo("la cadena de certificados no llega a una autoridad de confianza");
        assertThat(check.chain()).isEqualTo(TrustValidator.Chain.UNTRUSTED);
        assertThat(check.signerCommonName()).isEqualTo("Rosa Choque");
    }

    @Test
    void anExpiredCertificateIsNotValid() {
        SignatureCheck check = only(sign(form.content(), "REVISADO", "Luis Mamani", pki.expired));
        assertThat(check.verdict()).isNotEqualTo(Verdict.VALID);
        assertThat(check.reason()).as(check.subIndication()).isEqualTo("el certificado había vencido al firmar");
        assertThat(check.chain()).isEqualTo(TrustValidator.Chain.TRUSTED);
    }

    @Test
    void aRevokedCertificateIsNotValid() {
        SignatureCheck check = only(sign(form.content(), "REVISADO", "Carlos Revocado", pki.revoked));
        assertThat(check.verdict()).isNotEqualTo(Verdict.VALID);
        assertThat(check.reason()).as(check.subIndication()).isEqualTo("certificado revocado");
    }

    @Test
    void theDevelopmentKeystoreIsNotTrustedByDefault() {
        Path keystore = dir.resolve("dev.p12");
        Keystores.generateDevelopment(keystore, "secret".toCharArray(), "Sello");
        SignatureCheck check = only(sign(
                form.content(), "ELABORADO", "Ana Quispe", Keystores.load(keystore, "secret".toCharArray(), null)));
        assertThat(check.intact()).isTrue();
        assertThat(check.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(check.reason()).isEqualTo("certificado de desarrollo");
        assertThat(check.chain()).isEqualTo(TrustValidator.Chain.DEVELOPMENT);
        assertThat(check.signerCommonName()).isEqualTo("Sello");
    }

    @Test
    void aFigureChangedAfterATrustedSignatureIsReported() throws Exception {
        byte[] signed = sign(form.content(), "ELABORADO", "Ana Quispe", pki.valid);
        byte[] changed = Tampering.appendPaintOver(signed);
        VerificationReport report = verifier.verify(changed);
        assertThat(report.changedAfterLastSignature()).isTrue();
        assertThat(report.intact()).isFalse();
        assertThat(report.allValid()).isFalse();
        byte[] flipped = Tampering.flipByteInFirstStream(signed);
        assertThat(verifier.verify(flipped).signatures()).allSatisfy(s -> {
            assertThat(s.verdict()).isEqualTo(Verdict.INVALID);
            assertThat(s.reason()).isEqualTo("la firma no corresponde al contenido");
        });
    }

    @Test
    void popplerAgreesOnTheCryptographyAndOnTheUntrustedIssuer() throws Exception {
        Path trusted = dir.resolve("trusted.pdf");
        Files.write(trusted, sign(form.content(), "ELABORADO", "Ana Quispe", pki.valid));
        Path forged = dir.resolve("forged.pdf");
        Files.write(forged, sign(form.content(), "APROBADO", "Rosa Choque", pki.forged));
        // pdfsig knows none of these roots (its NSS database is empty): it checks the maths, as Sello's "intact" does,
        // and says the forged certificate's issuer is unknown, as DSS's NO_CERTIFICATE_CHAIN_FOUND does
        assertThat(Processes.run("pdfsig", trusted.toString())).contains("Signature is Valid");
        assertThat(verifier.verify(Files.readAllBytes(trusted)).signatures()).allMatch(SignatureCheck::intact);
        String out = Processes.run("pdfsig", forged.toString());
        assertThat(out).contains("Signature is Valid").contains("Certificate issuer is unknown");
        Path flipped = dir.resolve("flipped.pdf");
        Files.write(flipped, Tampering.flipByteInFirstStream(Files.readAllBytes(trusted)));
        assertThat(Processes.run("pdfsig", flipped.toString())).doesNotContain("Signature is Valid");
        assertThat(verifier.verify(Files.readAllBytes(flipped)).signatures()).noneMatch(SignatureCheck::intact);
    }
}
