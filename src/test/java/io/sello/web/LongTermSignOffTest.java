package io.sello.web;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.openpdf.ITextDefaultPdfObjFactory;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import io.sello.signing.SigningKey;
import io.sello.support.Browser;
import io.sello.support.Fixtures;
import io.sello.support.OwnSoftwareSigner;
import io.sello.support.PkiServer;
import io.sello.support.Processes;
import io.sello.support.SlowTest;
import io.sello.support.SoftHsm;
import io.sello.support.VeraPdf;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, "done when": each of the three sign-offs of a Formulario N.5.B is a personal PAdES B-LTA signature, by a
 * certificate of an offline PKI served on loopback (root, issuing CA, RFC 3161 TSA, OCSP, CRLs: {@link PkiServer}).
 * Ana's key is on a SoftHSM2 token, Luis's in a keystore the service holds, and Rosa signs with her own software and
 * uploads the file (accepted by the identity configured for her, on a trusted chain). EU DSS, configured here
 * independently of Sello with only the root and the data embedded in the file, and poppler's {@code pdfsig} both
 * validate all three; veraPDF still finds PDF/A-3b; and once the clock has moved past every signer certificate's
 * expiry, the verification page still says valid. The trust attacks on Rosa's upload are refused by name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SlowTest
class LongTermSignOffTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The PKI and the service share its clock, which runs with real time until a test moves it. */
    private static final PkiServer PKI = PkiServer.start(true);

    private static final Instant NOW = PKI.pki.now;
    /** Every signer's certificate expires two days from now, so a test can stand after the expiry. */
    private static final Instant EXPIRY = NOW.plus(Duration.ofDays(2));

    private static final SigningKey LUIS = PKI.pki.signer("Luis Mamani", NOW.minus(Duration.ofDays(30)), EXPIRY);
    private static final SigningKey ROSA = PKI.pki.signer("Rosa Choque", NOW.minus(Duration.ofDays(30)), EXPIRY);
    private static X509Certificate anaCertificate;

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private String id;

    @TestConfiguration
    static class PkiClock {
        @Bean
        @Primary
        Clock pkiClock() {
            return PKI.clock;
        }
    }

    @DynamicPropertySource
    static void deployment(DynamicPropertyRegistry registry) throws Exception {
        // ana: her token's key, with the certificate the PKI issued for it written back onto the token
        SoftHsm.Token token = SoftHsm.token(SoftHsm.ANA_TRUSTED);
        anaCertificate = PKI.pki.certify(
                "CN=Ana Quispe, O=Sello Test, C=BO", SoftHsm.publicKey(token), NOW.minus(Duration.ofDays(30)), EXPIRY);
        SoftHsm.installChain(token, anaCertificate, PKI.pki.intermediate, PKI.pki.root);
        token.properties(true).forEach((name, value) -> registry.add(name, () -> value));
        // luis: a personal key the service holds
        Path folder = Files.createDirectories(Path.of(
                "target",
                "test-data",
                "long-term",
                Long.toString(ProcessHandle.current().pid())));
        Path luis = folder.resolve("luis.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
                "luis",
                LUIS.privateKey(),
                "luis-secret".toCharArray(),
                LUIS.chain().toArray(new X509Certificate[0]));
        try (OutputStream out = Files.newOutputStream(luis)) {
            store.store(out, "luis-secret".toCharArray());
        }
        registry.add("sello.signing.signers.luis.keystore", luis::toString);
        registry.add("sello.signing.signers.luis.password", () -> "luis-secret");
        // rosa: no certificate registered; any certificate on a trusted chain that names her is hers
        registry.add("sello.signing.identities.rosa", () -> "CN=Rosa Choque");
        registry.add("sello.signing.trust.roots", () -> PKI.rootPemFolder().toString());
        registry.add("sello.signing.trust.revocation-fetching", () -> "true");
        registry.add("sello.signing.trust.allowed-hosts", PKI::host);
        registry.add("sello.signing.level", () -> "B-LTA");
        registry.add("sello.signing.tsa.url", PKI::tsaUrl);
    }

    @BeforeAll
    void store() throws Exception {
        id = stored();
    }

    private String stored() throws Exception {
        HttpResponse<byte[]> stored = send(
                "POST",
                "/api/v1/documents/poa-execution-form?store=true",
                Fixtures.seedExample(),
                "application/json",
                "ana",
                "ana-dev");
        assertThat(stored.statusCode()).isEqualTo(201);
        return JSON.readTree(stored.body()).get("id").stringValue();
    }

    private HttpResponse<byte[]> send(
            String method, String path, byte[] body, String type, String user, String password) throws Exception {
        return HttpApiTest.send(client, port, method, path, body, type, user, password);
    }

    private byte[] pdf(String document) throws Exception {
        return send("GET", "/api/v1/documents/" + document + "/pdf", null, null, "ana", "ana-dev")
                .body();
    }

    private HttpResponse<byte[]> upload(byte[] pdf) throws Exception {
        return send(
                "POST", "/api/v1/documents/" + id + "/sign-offs/APROBADO", pdf, "application/pdf", "rosa", "rosa-dev");
    }

    private byte[] prepared() throws Exception {
        HttpResponse<byte[]> response = send(
                "GET", "/api/v1/documents/" + id + "/sign-offs/APROBADO/prepared.pdf", null, null, "rosa", "rosa-dev");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private JsonNode verification() throws Exception {
        return JSON.readTree(send("GET", "/api/v1/documents/" + id + "/verification", null, null, null, null)
                .body());
    }

    /**
     * The long-term layer waits for the sign-off that completes the form ({@code sello.signing.long-term-data}'s
     * default, on-approval): ELABORADO and REVISADO are B-T as made, the time-stamp inside each CMS, with no /DSS
     * revision and no document time-stamp yet.
     */
    @Test
    @Order(1)
    void anaOnHerTokenAndLuisWithHisKeySignTimestampedAndTheLongTermLayerWaitsForApproval() throws Exception {
        assertThat(send("POST", "/api/v1/documents/" + id + "/sign-offs", null, null, "ana", "ana-dev")
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/api/v1/documents/" + id + "/sign-offs", null, null, "luis", "luis-dev")
                        .statusCode())
                .isEqualTo(201);
        JsonNode report = verification().get("report");
        JsonNode signatures = report.get("signatures");
        assertThat(signatures).hasSize(2);
        for (JsonNode signature : signatures) {
            assertThat(signature.get("verdict").stringValue())
                    .as(signature.toString())
                    .isEqualTo("VALID");
            assertThat(signature.get("level").stringValue()).isEqualTo("B-T");
            assertThat(signature.get("timestampTime").isNull()).isFalse();
        }
        assertThat(report.get("revisions").asInt()).isEqualTo(1 + 1 + 1);
        assertThat(report.get("timestamps")).isEmpty();
        assertThat(signatures.get(0).get("signerCommonName").stringValue()).isEqualTo("Ana Quispe");
        assertThat(signatures.get(1).get("signerCommonName").stringValue()).isEqualTo("Luis Mamani");
        JsonNode signOffs = verification().get("signOffs");
        assertThat(signOffs)
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.get("kind").stringValue()).isEqualTo("PERSONAL"));
    }

    /** The trust attacks on an uploaded sign-off: each refused by name, and the registry keeps its file. */
    @Test
    @Order(2)
    void rosasUploadIsRefusedWithAnExpiredRevokedUntrustedOrAnotherPersonsCertificate() throws Exception {
        byte[] prepared = prepared();
        refused(
                OwnSoftwareSigner.of(PKI.pki.signer("Ana Quispe", NOW.minus(Duration.ofDays(30)), EXPIRY))
                        .sign(prepared, "APROBADO"),
                "not-your-certificate",
                "does not carry their identity");
        refused(
                OwnSoftwareSigner.of(PKI.pki.signer(
                                "Rosa Choque", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(35))))
                        .sign(prepared, "APROBADO"),
                "certificate-expired",
                "Rosa Choque");
        SigningKey revoked = PKI.pki.signer("Rosa Choque", NOW.minus(Duration.ofDays(30)), EXPIRY);
        PKI.revoke(revoked.certificate(), NOW.minus(Duration.ofDays(1)));
        refused(OwnSoftwareSigner.of(revoked).sign(prepared, "APROBADO"), "certificate-revoked", "revoked");
        // a self-signed certificate in Rosa's name: her identity, no trusted chain
        refused(
                OwnSoftwareSigner.generate("Rosa Choque").sign(prepared, "APROBADO"),
                "untrusted-certificate",
                "no llega a una autoridad de confianza");
        refused(
                OwnSoftwareSigner.of(ROSA)
                        .withTimestampFrom(PKI.untrustedTsaUrl())
                        .sign(prepared, "APROBADO"),
                "untrusted-timestamp",
                "time-stamp");
        // the prepared file already holds two time-stamped signatures: a change beside the new one still shows
        refused(
                OwnSoftwareSigner.of(ROSA).sign(prepared, "APROBADO", document -> {
                    document.getPage(0).setRotation(0); // the form is printed landscape: /Rotate 90
                    document.getPage(0)
                            .getCOSObject()
                            .setNeedToBeUpdated(true); // else PDFBox leaves the page out of the revision
                }),
                "other-changes",
                "only the signature of APROBADO may be added");
    }

    private void refused(byte[] pdf, String fault, String detail) throws Exception {
        byte[] before = pdf(id);
        HttpResponse<byte[]> response = upload(pdf);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(response.statusCode()).as(problem.toString()).isEqualTo(422);
        assertThat(problem.get("type").stringValue()).isEqualTo("/problems/sign-off-upload-refused");
        assertThat(problem.get("fault").stringValue()).isEqualTo(fault);
        assertThat(problem.get("detail").stringValue()).contains(detail);
        assertThat(pdf(id)).isEqualTo(before);
    }

    @Test
    @Order(3)
    void rosaUploadsHerOwnSignatureAndAllThreeAreValidBLtaForDssPdfsigAndVeraPdf() throws Exception {
        HttpResponse<byte[]> accepted = upload(OwnSoftwareSigner.of(ROSA).sign(prepared(), "APROBADO"));
        assertThat(accepted.statusCode())
                .as(new String(accepted.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        byte[] pdf = pdf(id);

        JsonNode signatures = verification().get("report").get("signatures");
        assertThat(signatures).hasSize(3);
        for (JsonNode signature : signatures) {
            assertThat(signature.get("verdict").stringValue())
                    .as(signature.toString())
                    .isEqualTo("VALID");
            assertThat(signature.get("level").stringValue()).isEqualTo("B-LTA");
        }

        // EU DSS as a reviewer runs it: the root as the one anchor, no network, only what the file embeds
        CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
        anchors.addCertificate(new CertificateToken(PKI.pki.root));
        CommonCertificateVerifier offline = new CommonCertificateVerifier(true);
        offline.setTrustedCertSources(anchors);
        PDFDocumentValidator dss = new PDFDocumentValidator(new InMemoryDocument(pdf));
        dss.setPdfObjFactory(new ITextDefaultPdfObjFactory());
        dss.setCertificateVerifier(offline);
        SimpleReport report = dss.validateDocument().getSimpleReport();
        assertThat(report.getSignatureIdList()).hasSize(3);
        for (String signature : report.getSignatureIdList()) {
            assertThat(report.getIndication(signature))
                    .as(report.getSignedBy(signature) + " " + report.getSubIndication(signature))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(signature).toString()).isEqualTo("PAdES-BASELINE-LTA");
        }
        assertThat(report.getSignatureIdList().stream().map(report::getSignedBy).toList())
                .containsExactly("Ana Quispe", "Luis Mamani", "Rosa Choque");
        signatureTimestampsWhereSelloMadeTheCms(pdf, verification().get("report"));

        Path file = Files.createTempFile("long-term", ".pdf");
        try {
            Files.write(file, pdf);
            String pdfsig = Processes.run("pdfsig", file.toString());
            List<String> signed = new ArrayList<>();
            for (String block : pdfsig.split("Signature #")) {
                if (block.contains("Signature Field Name: ELABORADO")
                        || block.contains("Signature Field Name: REVISADO")
                        || block.contains("Signature Field Name: APROBADO")) {
                    assertThat(block).as(block).contains("Signature Validation: Signature is Valid.");
                    signed.add(block);
                }
            }
            assertThat(signed).hasSize(3);
        } finally {
            Files.delete(file);
        }
        VeraPdf.assertPdfA3b(pdf);
    }

    /**
     * Ana's (token) and Luis's (server-held key) CMS are Sello's own: each carries its RFC 3161 signature time-stamp as
     * the unsigned attribute id-aa-signatureTimeStampToken, so each took one revision; Rosa's upload, made by her
     * software without one, completes the form and takes 4: her signature, DSS's document time-stamp for it, then
     * the one /DSS revision and the one archive time-stamp that take all three signatures to B-LTA at once. The level
     * and the time-stamp time shown are those of the attribute's token.
     */
    private static void signatureTimestampsWhereSelloMadeTheCms(byte[] pdf, JsonNode report) throws Exception {
        assertThat(report.get("revisions").asInt()).isEqualTo(1 + 1 + 1 + 4);
        assertThat(report.get("timestamps")).hasSize(2);
        PdfReader reader = new PdfReader(pdf);
        try {
            AcroFields fields = reader.getAcroFields();
            for (String step : List.of("ELABORADO", "REVISADO", "APROBADO")) {
                byte[] contents = fields.getSignatureDictionary(step)
                        .getAsString(PdfName.CONTENTS)
                        .getOriginalBytes();
                CMSSignedData cms;
                try (ASN1InputStream der = new ASN1InputStream(contents)) {
                    cms = new CMSSignedData(ContentInfo.getInstance(der.readObject()));
                }
                SignerInformation signer =
                        cms.getSignerInfos().getSigners().iterator().next();
                var unsigned = signer.getUnsignedAttributes();
                var attribute =
                        unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
                JsonNode shown = null;
                for (JsonNode signature : report.get("signatures")) {
                    if (step.equals(signature.get("field").stringValue())) {
                        shown = signature;
                    }
                }
                assertThat(shown).as(step).isNotNull();
                assertThat(shown.get("level").stringValue()).isEqualTo("B-LTA");
                if (step.equals("APROBADO")) {
                    assertThat(attribute)
                            .as("Rosa's own software adds no signature time-stamp")
                            .isNull();
                    continue;
                }
                assertThat(attribute)
                        .as(step + ": signature time-stamp in the CMS")
                        .isNotNull();
                TimeStampToken token = new TimeStampToken(
                        ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
                // over the signature value (RFC 3161 annex A), signed by the configured TSA
                assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
                assertThat(Instant.parse(shown.get("timestampTime").stringValue()))
                        .isEqualTo(token.getTimeStampInfo().getGenTime().toInstant());
            }
        } finally {
            reader.close();
        }
    }

    @Test
    @Order(4)
    void afterEverySignersCertificateHasExpiredTheVerificationPageStillSaysValid() throws Exception {
        PKI.clock.set(EXPIRY.plus(Duration.ofDays(10)));
        try {
            JsonNode signatures = verification().get("report").get("signatures");
            for (JsonNode signature : signatures) {
                assertThat(signature.get("verdict").stringValue())
                        .as(signature.toString())
                        .isEqualTo("VALID");
            }
            String page = new String(
                    send("GET", "/verify/" + id, null, null, null, null).body(), StandardCharsets.UTF_8);
            assertThat(page)
                    .contains("3 firmas personales válidas, con sello de tiempo; verificables a largo plazo")
                    .contains("Sellos de tiempo del documento: ")
                    .contains("todos de una autoridad de confianza")
                    .doesNotContain("No válida")
                    .doesNotContain("No concluyente");
            // as the reviewer sees it after scanning the QR code, on a desk and on a phone
            try (Browser browser = Browser.start("http://127.0.0.1:" + port, 1280, 900)) {
                browser.open("/verify/" + id);
                assertThat(browser.visible(By.id("resumen-firmas")).getText())
                        .isEqualTo("3 firmas personales válidas, con sello de tiempo; verificables a largo plazo.");
                browser.script("document.getElementById('resumen-firmas').scrollIntoView({block: 'center'})");
                browser.screenshot("verify-b-lta-1280");
                browser.resize(360, 740).open("/verify/" + id);
                browser.script("document.getElementById('resumen-firmas').scrollIntoView({block: 'center'})");
                browser.screenshot("verify-b-lta-360");
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            }
        } finally {
            PKI.clock.set(Instant.now());
        }
    }

    @Test
    @Order(5)
    void whenTheTimeStampAuthorityIsDownTheSignOffIs503WithRetryAfterAndNothingIsStored() throws Exception {
        String other = stored();
        byte[] before = pdf(other);
        PKI.tsaDown(true);
        try {
            HttpResponse<byte[]> response =
                    send("POST", "/api/v1/documents/" + other + "/sign-offs", null, null, "ana", "ana-dev");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(response.statusCode()).as(problem.toString()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(problem.get("type").stringValue()).isEqualTo("/problems/signing-unavailable");
            assertThat(problem.get("detail").stringValue())
                    .contains("time-stamp authority")
                    .doesNotContain("127.0.0.1")
                    .doesNotContain("Exception");
        } finally {
            PKI.tsaDown(false);
        }
        assertThat(pdf(other)).isEqualTo(before);
        assertThat(JSON.readTree(send("GET", "/api/v1/documents/" + other, null, null, "ana", "ana-dev")
                                .body())
                        .get("status")
                        .stringValue())
                .isEqualTo("STORED");
        // and once it answers again, the same sign-off goes through at the same level
        assertThat(send("POST", "/api/v1/documents/" + other + "/sign-offs", null, null, "ana", "ana-dev")
                        .statusCode())
                .isEqualTo(201);
    }
}
