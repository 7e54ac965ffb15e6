package io.sello.web;

import io.sello.SelloApplication;
import io.sello.signing.PdfVerifier;
import io.sello.signing.SignatureCheck;
import io.sello.signing.SigningKey;
import io.sello.signing.SigningKeys;
import io.sello.signing.Verdict;
import io.sello.signing.VerificationReport;
import io.sello.support.Fixtures;
import io.sello.support.Processes;
import io.sello.support.SlowTest;
import io.sello.support.SoftHsm;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16, §1: the service configured as the README shows, with ana's personal key on a SoftHSM2 token found by
 * its label. Her ELABORADO sign-off carries the token's certificate, the token computed the signature, and a
 * refused PIN stops the start without the PIN appearing anywhere in the output.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@SlowTest
class TokenSignOffTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    SigningKeys keys;

    @DynamicPropertySource
    static void anaOnHerToken(DynamicPropertyRegistry registry) {
        SoftHsm.token(SoftHsm.ANA).properties(true).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void anaSignsOffElaboradoWithTheKeyOnHerToken(CapturedOutput output) throws Exception {
        SoftHsm.Token token = SoftHsm.token(SoftHsm.ANA);
        SigningKey key = keys.forUser("ana");
        assertThat(key.privateKey().getClass().getName()).startsWith("sun.security.pkcs11.P11Key");
        assertThat(key.privateKey().getEncoded())
                .as("a token key never gives its value away")
                .isNull();

        HttpResponse<byte[]> stored = send(
                "POST",
                "/api/v1/documents/poa-execution-form?store=true",
                Fixtures.seedExample(),
                "application/json",
                "ana",
                "ana-dev");
        assertThat(stored.statusCode()).isEqualTo(201);
        String id = JSON.readTree(stored.body()).get("id").stringValue();
        assertThat(send("POST", "/api/v1/documents/" + id + "/sign-offs", null, null, "ana", "ana-dev")
                        .statusCode())
                .isEqualTo(201);
        // luis has no key of his own: the service's seal, for contrast
        assertThat(send("POST", "/api/v1/documents/" + id + "/sign-offs", null, null, "luis", "luis-dev")
                        .statusCode())
                .isEqualTo(201);
        byte[] pdf = send("GET", "/api/v1/documents/" + id + "/pdf", null, null, "ana", "ana-dev")
                .body();

        // the certificate in ana's signature is, byte for byte, the one on her token, and it verifies the signature
        List<X509CertificateHolder> signers = signerCertificates(pdf);
        assertThat(signers).hasSize(2);
        assertThat(signers.get(0).getEncoded()).isEqualTo(key.certificate().getEncoded());
        assertThat(signers.get(1).getSubject().toString()).contains("CN=Sello").doesNotContain("Ana");

        VerificationReport report = new PdfVerifier().verify(pdf);
        assertThat(report.signatures()).extracting(SignatureCheck::step).containsExactly("ELABORADO", "REVISADO");
        assertThat(report.signatures())
                .allSatisfy(s -> assertThat(s.intact()).as(s.problem()).isTrue());
        // intact, and not rated valid: the test tokens hold self-signed certificates no configured root vouches for
        assertThat(report.signatures()).allSatisfy(s -> assertThat(s.verdict()).isEqualTo(Verdict.INDETERMINATE));
        assertThat(report.signatures().get(0).certificate()).contains("CN=" + token.commonName());
        assertThat(report.intact()).isTrue();
        JsonNode verification =
                JSON.readTree(send("GET", "/api/v1/documents/" + id + "/verification", null, null, null, null)
                        .body());
        assertThat(verification
                        .get("report")
                        .get("signatures")
                        .get(0)
                        .get("certificate")
                        .stringValue())
                .contains("CN=Ana Quispe");

        Path file = Files.createTempFile("token-signed", ".pdf");
        try {
            Files.write(file, pdf);
            String[] pdfsig = Processes.run("pdfsig", file.toString()).split("Signature #");
            assertThat(pdfsig).hasSize(4); // the third is APROBADO's empty field
            assertThat(pdfsig[3]).contains("Signature Field Name: APROBADO", "not signed");
            assertThat(pdfsig[1])
                    .contains(
                            "Signature Field Name: ELABORADO",
                            "Signer Certificate Common Name: Ana Quispe",
                            "Signature is Valid.");
            assertThat(pdfsig[2]).contains("Signer Certificate Common Name: Sello", "Signature is Valid.");
        } finally {
            Files.delete(file);
        }
        assertThat(output.getAll())
                .contains("ana signs with the key 'ana' on the PKCS#11 token in slot " + token.slot())
                .doesNotContain(token.pin());
    }

    @Test
    void aRefusedPinStopsTheStartNamingTheUserNeverThePin(CapturedOutput output) {
        SoftHsm.Token luis = SoftHsm.token(SoftHsm.LUIS);
        String wrong = "not-luis-pin-7420";
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:token-" + System.nanoTime()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"));
        // by slot ID here, by label above: both ways of naming the token bind from the properties
        luis.properties(false)
                .forEach((name, value) -> args.add("--" + name + "=" + (name.endsWith(".pin") ? wrong : value)));
        assertThatThrownBy(() -> new SpringApplicationBuilder(SelloApplication.class)
                        .run(args.toArray(String[]::new))
                        .close())
                .satisfies(e -> {
                    Throwable root = e;
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    assertThat(root.getMessage())
                            .isEqualTo("sello.signing.signers.luis.pkcs11.pin: the PIN for luis's token was refused");
                });
        assertThat(output.getAll())
                .contains("the PIN for luis's token was refused")
                .doesNotContain(wrong);

        // a setting missing: refused while the properties bind, and Spring's failure report must not echo the PIN
        List<String> noAlias = new ArrayList<>(args.subList(0, 2));
        luis.properties(false).forEach((name, value) -> {
            if (!name.endsWith(".key-alias")) {
                noAlias.add("--" + name + "=" + (name.endsWith(".pin") ? wrong : value));
            }
        });
        assertThatThrownBy(() -> new SpringApplicationBuilder(SelloApplication.class)
                        .run(noAlias.toArray(String[]::new))
                        .close())
                .satisfies(e -> assertThat(e.toString() + e.getCause()).doesNotContain(wrong));
        assertThat(output.getAll())
                .contains("sello.signing.signers.luis.pkcs11.key-alias is required")
                .doesNotContain(wrong);
    }

    /** The signing certificate of each signature, in file order, as the CMS names it in its SignerInfo. */
    private static List<X509CertificateHolder> signerCertificates(byte[] pdf) throws Exception {
        List<X509CertificateHolder> certificates = new ArrayList<>();
        try (var document = Loader.loadPDF(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                CMSSignedData cms = new CMSSignedData(signature.getContents(pdf));
                SignerInformation signer =
                        cms.getSignerInfos().getSigners().iterator().next();
                @SuppressWarnings("unchecked")
                var matches = cms.getCertificates().getMatches(signer.getSID());
                certificates.add((X509CertificateHolder) matches.iterator().next());
            }
        }
        return certificates;
    }

    private HttpResponse<byte[]> send(
            String method, String path, byte[] body, String contentType, String user, String password)
            throws Exception {
        return HttpApiTest.send(client, port, method, path, body, contentType, user, password);
    }
}
