package io.sello.signing;

import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.support.Fixtures;
import io.sello.support.Processes;
import io.sello.support.SoftHsm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import javax.security.auth.callback.PasswordCallback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16, §1: personal keys on a PKCS#11 token (SoftHSM2 here), used through SunPKCS11: the key never leaves the
 * token, the token computes each signature, and a misconfigured token stops the start with a reason that names the
 * user and never shows the PIN.
 */
class TokenSigningTest {
    private static final Instant NOON = Instant.parse("2026-07-07T16:00:00Z");

    @TempDir
    static Path dir;

    private static RenderedDocument form;

    @BeforeAll
    static void render() {
        form = Fixtures.poaForm().render(Fixtures.seedExample(), RenderOptions.STRICT);
    }

    /** The service keystore, plus the given per-user settings, as Spring would bind them. */
    private static SigningKeys keys(Map<String, SigningProperties.Signer> signers) {
        return new SigningKeys(new SigningProperties(dir.resolve("service.p12"), "service-secret", signers), true);
    }

    private static SigningProperties.Signer onToken(SoftHsm.Token token, boolean byLabel, String pin, String alias) {
        return new SigningProperties.Signer(
                null,
                null,
                new SigningProperties.Pkcs11(
                        token.library(), byLabel ? null : token.slot(), byLabel ? token.label() : null, pin, alias));
    }

    private static SignatureSlot slot(String step) {
        return form.signatureSlots().stream()
                .filter(s -> s.step().equals(step))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anaSignsWithHerTokenAndRosaWithHerKeystoreOrTokenWhileOthersUseTheServiceKey() throws Exception {
        SoftHsm.Token ana = SoftHsm.token(SoftHsm.ANA);
        SoftHsm.Token rosa = SoftHsm.token(SoftHsm.ROSA);
        Path luisKeystore = dir.resolve("luis.p12");
        Keystores.generateDevelopment(luisKeystore, "luis-secret".toCharArray(), "Luis Mamani");
        SigningKeys keys = keys(Map.of(
                "ana",
                onToken(ana, false, ana.pin(), ana.keyAlias()),
                "luis",
                new SigningProperties.Signer(luisKeystore, "luis-secret"),
                "rosa",
                onToken(rosa, true, rosa.pin(), rosa.keyAlias())));

        SigningKey anaKey = keys.forUser("ana");
        // a handle to an object on the token, which will not give its value away
        assertThat(anaKey.privateKey().getClass().getName()).startsWith("sun.security.pkcs11.P11Key");
        assertThat(anaKey.privateKey().getEncoded()).isNull();
        assertThat(anaKey.privateKey().toString()).contains("token object", "sensitive", "unextractable");
        assertThat(anaKey.provider().getName()).isEqualTo("SunPKCS11-sello-ana");
        assertThat(anaKey.certificate().getSubjectX500Principal().getName()).contains("CN=Ana Quispe");
        assertThat(anaKey.certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(((RSAPublicKey) anaKey.certificate().getPublicKey())
                        .getModulus()
                        .bitLength())
                .isEqualTo(3072);
        SigningKey rosaKey = keys.forUser("rosa");
        assertThat(rosaKey.privateKey().getEncoded()).isNull();
        assertThat(rosaKey.privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(keys.forUser("luis").provider()).isNull();
        assertThat(keys.forUser("luis").certificate().getSubjectX500Principal().getName())
                .contains("CN=Luis Mamani");
        assertThat(keys.forUser("nadie").certificate().getSubjectX500Principal().getName())
                .contains("CN=Sello");

        PdfSigner signer = new PdfSigner(ZoneId.of("America/La_Paz"));
        byte[] pdf = form.content();
        pdf = signer.sign(
                pdf,
                slot("ELABORADO"),
                new Signer("ELABORADO", "Ana Quispe", "Técnico de Planificación"),
                anaKey,
                NOON);
        pdf = signer.sign(
                pdf,
                slot("REVISADO"),
                new Signer("REVISADO", "Luis Mamani", "Jefe de Unidad"),
                keys.forUser("luis"),
                NOON.plusSeconds(3600));
        pdf = signer.sign(
                pdf,
                slot("APROBADO"),
                new Signer("APROBADO", "Rosa Choque", "Directora General"),
                rosaKey,
                NOON.plusSeconds(7200));

        VerificationReport report = new PdfVerifier().verify(pdf);
        assertThat(report.signatures())
                .allSatisfy(s -> assertThat(s.intact()).as(s.problem()).isTrue());
        // intact, and not rated valid: the test tokens hold self-signed certificates no configured root vouches for
        assertThat(report.signatures()).allSatisfy(s -> assertThat(s.verdict()).isEqualTo(Verdict.INDETERMINATE));
        assertThat(report.signatures())
                .extracting(SignatureCheck::certificate)
                .satisfiesExactly(
                        c -> assertThat(c).contains("CN=Ana Quispe"),
                        c -> assertThat(c).contains("CN=Luis Mamani"),
                        c -> assertThat(c).contains("CN=Rosa Choque"));
        assertThat(report.intact()).isTrue();

        Path file = dir.resolve("token-signed.pdf");
        Files.write(file, pdf);
        String pdfsig = Processes.run("pdfsig", file.toString());
        String[] signatures = pdfsig.split("Signature #");
        assertThat(signatures).as(pdfsig).hasSize(4);
        assertThat(signatures[1]).contains("Signer Certificate Common Name: Ana Quispe", "Signature is Valid");
        assertThat(signatures[3]).contains("Signer Certificate Common Name: Rosa Choque", "Signature is Valid");
        assertThat(pdfsig).doesNotContain("Signature is Invalid");
    }

    @Test
    void aRefusedPinStopsTheStartNamingTheUserAndNotThePin() {
        SoftHsm.Token luis = SoftHsm.token(SoftHsm.LUIS);
        String wrong = "not-luis-pin-9081";
        assertThatThrownBy(() -> keys(Map.of("luis", onToken(luis, true, wrong, "luis"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the PIN for luis's token was refused")
                .hasMessageContaining("sello.signing.signers.luis.pkcs11.pin")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage()))
                                .doesNotContain(wrong)
                                .doesNotContain(luis.pin());
                    }
                });
    }

    @Test
    void aMissingLibraryAnUnknownLabelOrAMissingKeyEachSayWhichSetting() {
        SoftHsm.Token rosa = SoftHsm.token(SoftHsm.ROSA);
        SigningProperties.Signer noLibrary = new SigningProperties.Signer(
                null, null, new SigningProperties.Pkcs11(dir.resolve("libnothing.so"), 1L, null, rosa.pin(), "rosa"));
        assertThatThrownBy(() -> keys(Map.of("rosa", noLibrary)))
                .hasMessageContaining("sello.signing.signers.rosa.pkcs11.library")
                .hasMessageContaining("does not exist")
                .hasMessageNotContaining(rosa.pin());
        SigningProperties.Signer noSlot = new SigningProperties.Signer(
                null, null, new SigningProperties.Pkcs11(rosa.library(), 4242L, null, rosa.pin(), "rosa"));
        assertThatThrownBy(() -> keys(Map.of("rosa", noSlot)))
                .hasMessage(
                        "sello.signing.signers.rosa.pkcs11: rosa's token in slot 4242 could not be opened (CKR_SLOT_ID_INVALID)");
        // luis names rosa's token by its slot, rosa by its label: one token, two people
        assertThatThrownBy(() -> keys(Map.of(
                        "rosa",
                        onToken(rosa, true, rosa.pin(), "rosa"),
                        "luis",
                        onToken(rosa, false, rosa.pin(), "rosa"))))
                .hasMessageMatching(
                        "sello\\.signing\\.signers\\.(luis|rosa)\\.pkcs11: (luis and rosa|rosa and luis) are configured"
                                + " on the same token \\(slot " + rosa.slot()
                                + "\\); each person needs a token of their own");
        SigningProperties.Signer noToken = new SigningProperties.Signer(
                null, null, new SigningProperties.Pkcs11(rosa.library(), null, "sello-nobody", rosa.pin(), "rosa"));
        assertThatThrownBy(() -> keys(Map.of("rosa", noToken)))
                .hasMessageContaining("no token labelled 'sello-nobody'")
                .hasMessageContaining("sello-rosa")
                .hasMessageNotContaining(", )")
                .hasMessageNotContaining(rosa.pin());
        assertThatThrownBy(() -> keys(Map.of("rosa", onToken(rosa, true, rosa.pin(), "firma-de-otro"))))
                .hasMessageContaining("sello.signing.signers.rosa.pkcs11.key-alias")
                .hasMessageContaining("no private key labelled 'firma-de-otro'")
                .hasMessageContaining("rosa")
                .hasMessageNotContaining(rosa.pin());
    }

    /** The properties as an operator writes them bind to a keystore signer and a token signer side by side. */
    @Test
    void keystoreAndTokenSignersBindFromProperties() {
        Map<String, String> properties = Map.of(
                "sello.signing.signers.luis.keystore",
                "keys/luis.p12",
                "sello.signing.signers.luis.password",
                "luis-secret",
                "sello.signing.signers.ana.pkcs11.library",
                "/usr/lib/softhsm/libsofthsm2.so",
                "sello.signing.signers.ana.pkcs11.token-label",
                "sello-ana",
                "sello.signing.signers.ana.pkcs11.pin",
                "ana-pin-0000",
                "sello.signing.signers.ana.pkcs11.key-alias",
                "ana",
                "sello.signing.signers.rosa.pkcs11.library",
                "/usr/lib/softhsm/libsofthsm2.so",
                "sello.signing.signers.rosa.pkcs11.slot",
                "1863359825",
                "sello.signing.signers.rosa.pkcs11.pin",
                "rosa-pin-0000",
                "sello.signing.signers.rosa.pkcs11.key-alias",
                "firma");
        SigningProperties bound = new Binder(new MapConfigurationPropertySource(properties))
                .bind("sello.signing", SigningProperties.class)
                .get();
        assertThat(bound.signers().get("luis"))
                .isEqualTo(new SigningProperties.Signer(Path.of("keys/luis.p12"), "luis-secret"));
        assertThat(bound.signers().get("ana").pkcs11())
                .isEqualTo(new SigningProperties.Pkcs11(
                        Path.of("/usr/lib/softhsm/libsofthsm2.so"), null, "sello-ana", "ana-pin-0000", "ana"));
        assertThat(bound.signers().get("rosa").pkcs11().slot()).isEqualTo(1863359825L);
        assertThat(bound.toString())
                .contains("sello-ana", "1863359825")
                .doesNotContain("ana-pin-0000", "rosa-pin-0000", "luis-secret", SigningProperties.DEVELOPMENT_PASSWORD);
    }

    /**
     * Issue 16 §1: a token that stops signing when the sign-off is made (pulled out, locked; here: logged out) is a
     * 503 with Retry-After, not a server error, and says so without naming the PIN. Logged in again, it signs.
     */
    @Test
    void aTokenThatDoesNotSignIsUnavailableNotAnError() throws Exception {
        SoftHsm.Token rosa = SoftHsm.token(SoftHsm.ROSA);
        SigningKey key = keys(Map.of("rosa", onToken(rosa, true, rosa.pin(), rosa.keyAlias())))
                .forUser("rosa");
        PdfSigner signer = new PdfSigner(ZoneId.of("America/La_Paz"));
        AuthProvider token = (AuthProvider) key.provider();
        token.logout();
        try {
            assertThatThrownBy(() -> signer.sign(
                            form.content(),
                            slot("APROBADO"),
                            new Signer("APROBADO", "Rosa Choque", "Directora"),
                            key,
                            Instant.now()))
                    .isInstanceOfSatisfying(
                            SigningUnavailableException.class,
                            e -> assertThat(e.retryAfterSeconds()).isPositive())
                    .hasMessageContaining("token did not compute the signature")
                    .hasMessageNotContaining(rosa.pin());
        } finally {
            token.login(null, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof PasswordCallback pin) {
                        pin.setPassword(rosa.pin().toCharArray());
                    }
                }
            });
        }
        // the token is back (a restart opens it again, as here): it signs
        SigningKey again = keys(Map.of("rosa", onToken(rosa, true, rosa.pin(), rosa.keyAlias())))
                .forUser("rosa");
        byte[] signed = signer.sign(
                form.content(),
                slot("APROBADO"),
                new Signer("APROBADO", "Rosa Choque", "Directora"),
                again,
                Instant.now());
        assertThat(new PdfVerifier().verify(signed).signatures())
                .singleElement()
                .satisfies(s -> assertThat(s.intact()).isTrue());
    }

    @Test
    void settingsAreCheckedBeforeAnyTokenIsOpened() {
        Path library = Path.of("/usr/lib/softhsm/libsofthsm2.so");
        assertThatThrownBy(() -> new SigningProperties.Pkcs11(library, 1L, "both", "1234", "ana").check("p"))
                .hasMessageContaining("either .slot or .token-label");
        assertThatThrownBy(() -> new SigningProperties.Pkcs11(library, 1L, null, null, "ana").check("p"))
                .hasMessageContaining("p.pin is required");
        assertThat(new SigningProperties.Pkcs11(library, 1L, null, "4711-secret", "ana").toString())
                .doesNotContain("4711-secret")
                .contains("(hidden)");
        SigningProperties.Signer first = new SigningProperties.Signer(
                null, null, new SigningProperties.Pkcs11(library, 7L, null, "1111", "ana"));
        assertThatThrownBy(() -> new SigningProperties(
                        null, null, Map.of("ana", new SigningProperties.Signer(Path.of("a.p12"), "x", first.pkcs11()))))
                .hasMessageContaining("either a keystore or a pkcs11 token");
    }
}
