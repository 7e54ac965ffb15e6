package io.sello.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sello.cli.SelloCli;
import io.sello.signing.Keystores;
import io.sello.storage.DocumentRegistry;
import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import io.sello.support.Processes;
import io.sello.support.QrCodes;
import io.sello.support.SlowTest;
import io.sello.support.Tampering;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored Formulario N.5.B signed off three times over HTTP, as the three development users: each
 * step by its role, in order; then verified by the service and by poppler's pdfsig, and tampered with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SlowTest
class SignOffApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DocumentRegistry registry;

    @Autowired
    MeterRegistry meters;

    private String id;

    @BeforeAll
    void store() throws Exception {
        HttpResponse<byte[]> stored = send(
                "POST",
                "/api/v1/documents/poa-execution-form?store=true",
                Fixtures.seedExample(),
                "application/json",
                "ana",
                "ana-dev");
        assertThat(stored.statusCode()).isEqualTo(201);
        JsonNode document = JSON.readTree(stored.body());
        id = document.get("id").stringValue();
        assertThat(stored.headers().firstValue("Location")).hasValue("/api/v1/documents/" + id);
        assertThat(document.get("status").stringValue()).isEqualTo("STORED");
        assertThat(document.get("nextStep").stringValue()).isEqualTo("ELABORADO");
        assertThat(document.get("templateVersion").stringValue()).startsWith("poa-execution-form@");
        assertThat(document.get("createdBy").stringValue()).isEqualTo("ana");
    }

    @Test
    @Order(1)
    void everyPageCarriesAQrCodeToItsVerificationPage() throws Exception {
        byte[] pdf = send("GET", "/api/v1/documents/" + id + "/pdf", null, null, "ana", "ana-dev")
                .body();
        JsonNode document = JSON.readTree(send("GET", "/api/v1/documents/" + id, null, null, "ana", "ana-dev")
                .body());
        String shortHash = document.get("renderedSha256").stringValue().substring(0, 16);
        try (var pdfDocument = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(pdfDocument);
            for (int page = 0; page < pdfDocument.getNumberOfPages(); page++) {
                // the top-right corner, where the stamp prints the code
                assertThat(QrCodes.topRight(renderer, page))
                        .as("page " + (page + 1))
                        .hasValue("http://localhost:8080/verify/" + id);
            }
        }
        assertThat(PdfDocument.of(pdf).pages())
                .allSatisfy(text -> assertThat(text).contains(shortHash));
    }

    @Test
    @Order(2)
    void aWrongRoleIsForbiddenAndTheWrongOrderIsAConflict() throws Exception {
        HttpResponse<byte[]> reviewerFirst = signOff("luis", "luis-dev", null);
        assertThat(reviewerFirst.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(reviewerFirst.body()).get("detail").stringValue())
                .isEqualTo("the ELABORADO sign-off needs the role PREPARER, which luis does not hold");
        HttpResponse<byte[]> skipAhead = signOff("ana", "ana-dev", "{\"step\": \"APROBADO\"}");
        assertThat(skipAhead.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(skipAhead.body()).get("detail").stringValue())
                .startsWith("step: the next sign-off is ELABORADO, not APROBADO");
    }

    @Test
    @Order(3)
    void threeSignOffsInOrderGiveThreeValidSignatures() throws Exception {
        assertThat(signOff("ana", "ana-dev", "{\"step\": \"ELABORADO\"}").statusCode())
                .isEqualTo(201);
        assertThat(signOff("rosa", "rosa-dev", null).statusCode()).isEqualTo(403); // REVISADO comes first
        assertThat(signOff("luis", "luis-dev", null).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> approved = signOff("rosa", "rosa-dev", "{\"step\": \"APROBADO\"}");
        assertThat(approved.statusCode()).isEqualTo(201);
        JsonNode document = JSON.readTree(approved.body());
        assertThat(document.get("status").stringValue()).isEqualTo("APROBADO");
        assertThat(document.get("signOffs"))
                .extracting(s -> s.get("signer").stringValue())
                .containsExactly("Ana Quispe", "Luis Mamani", "Rosa Choque");
        assertThat(signOff("rosa", "rosa-dev", null).statusCode()).isEqualTo(409); // nothing left to sign

        JsonNode verification =
                JSON.readTree(send("GET", "/api/v1/documents/" + id + "/verification", null, null, null, null)
                        .body());
        assertThat(verification.get("matchesRegistry").booleanValue()).isTrue();
        threeIntactDevelopmentKeySignatures(verification);
        assertThat(verification.get("report").get("changedAfterLastSignature").booleanValue())
                .isFalse();

        byte[] pdf = send("GET", "/api/v1/documents/" + id + "/pdf", null, null, "ana", "ana-dev")
                .body();
        Path file = Files.createTempFile("signed", ".pdf");
        Files.write(file, pdf);
        String pdfsig = Processes.run("pdfsig", file.toString());
        assertThat(pdfsig.split("Signature is Valid", -1)).hasSize(4);
        assertThat(pdfsig).contains("Signature #3", "Total document signed");
        Files.delete(file);
        String page =
                new String(send("GET", "/verify/" + id, null, null, null, null).body(), StandardCharsets.UTF_8);
        assertThat(page).contains("coincide con el registro", "Rosa Choque", "Sin cambios después de la última firma");
    }

    @Test
    @Order(4)
    void uploadsAreVerifiedAndTamperingIsCaught() throws Exception {
        byte[] pdf = send("GET", "/api/v1/documents/" + id + "/pdf", null, null, "ana", "ana-dev")
                .body();
        JsonNode genuine = JSON.readTree(send("POST", "/api/v1/verify", pdf, "application/pdf", null, null)
                .body());
        assertThat(genuine.get("registered").booleanValue()).isTrue();
        assertThat(genuine.get("matchesRegistry").booleanValue()).isTrue();
        assertThat(genuine.get("documentId").stringValue()).isEqualTo(id);
        // issue 16: each signature carries EU DSS's verdict, its reason in Spanish, the level, the timestamp time and
        // the chain status; the development keystore's signatures are intact and never valid
        JsonNode first = genuine.get("report").get("signatures").get(0);
        assertThat(first.get("verdict").stringValue()).isEqualTo("INDETERMINATE");
        assertThat(first.get("valid").booleanValue()).isFalse();
        assertThat(first.get("intact").booleanValue()).isTrue();
        assertThat(first.get("reason").stringValue()).isEqualTo("certificado de desarrollo");
        assertThat(first.get("subIndication").stringValue()).isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
        assertThat(first.get("level").stringValue()).isEqualTo("B-B");
        assertThat(first.get("timestampTime").isNull()).isTrue();
        assertThat(first.get("chain").stringValue()).isEqualTo("DEVELOPMENT");
        assertThat(first.get("chainStatus").stringValue())
                .isEqualTo("certificado de desarrollo, sin autoridad de confianza");
        assertThat(first.get("signerCommonName").stringValue()).isEqualTo("Sello");

        byte[] flipped = Tampering.flipByteInFirstStream(pdf);
        JsonNode broken = JSON.readTree(send("POST", "/api/v1/verify", flipped, "application/pdf", null, null)
                .body());
        assertThat(broken.get("registered").booleanValue()).isFalse();
        assertThat(broken.get("report").get("signatures")).allSatisfy(s -> {
            assertThat(s.get("valid").booleanValue()).isFalse();
            assertThat(s.get("intact").booleanValue()).isFalse();
            assertThat(s.get("verdict").stringValue()).isEqualTo("INVALID");
        });

        JsonNode appended = JSON.readTree(
                send("POST", "/api/v1/verify", Tampering.appendPaintOver(pdf), "application/pdf", null, null)
                        .body());
        assertThat(appended.get("registered").booleanValue()).isFalse();
        assertThat(appended.get("report").get("changedAfterLastSignature").booleanValue())
                .isTrue();
        assertThat(appended.get("report").get("findings").get(0).stringValue()).contains("changed after it was signed");
    }

    @Test
    @Order(5)
    void theAuditTrailHasEveryStepWithWhoAndTheResult() throws Exception {
        JsonNode audit =
                JSON.readTree(send("GET", "/api/v1/documents/" + id + "/audit", null, null, "admin", "admin-dev")
                        .body());
        List<String> lines = new ArrayList<>();
        audit.forEach(e -> lines.add(e.get("actor").stringValue() + " "
                + e.get("action").stringValue() + " " + e.get("result").stringValue()));
        assertThat(lines)
                .containsSubsequence(
                        "ana store ok",
                        "luis sign-off refused",
                        "ana sign-off refused",
                        "ana sign-off ok",
                        "rosa sign-off refused",
                        "luis sign-off ok",
                        "rosa sign-off ok");
        // the anonymous verifications of orders 3 and 4 are counted per day, not audited one by one (issue 14)
        assertThat(lines).noneMatch(line -> line.startsWith("anonymous "));
        assertThat(send("GET", "/api/v1/documents/" + id + "/audit", null, null, null, null)
                        .statusCode())
                .isEqualTo(401);
        // renders that are not stored are audited too, in the service-wide trail only admins read
        send(
                "POST",
                "/api/v1/documents/poa-execution-form",
                Fixtures.seedExample(),
                "application/json",
                "ana",
                "ana-dev");
        send("POST", "/api/v1/documents/poa-execution-form", Fixtures.utf8("{}"), "application/json", "ana", "ana-dev");
        JsonNode recent = JSON.readTree(send("GET", "/api/v1/audit?limit=5", null, null, "admin", "admin-dev")
                .body());
        assertThat(recent.get(0).get("action").stringValue() + " "
                        + recent.get(0).get("result").stringValue())
                .isEqualTo("render refused");
        assertThat(recent.get(1).get("action").stringValue() + " "
                        + recent.get(1).get("result").stringValue())
                .isEqualTo("render ok");
        assertThat(recent.get(1).get("detail").stringValue()).startsWith("poa-execution-form as pdf");
        assertThat(send("GET", "/api/v1/audit", null, null, "ana", "ana-dev").statusCode())
                .isEqualTo(403);
    }

    /**
     * Issue 14, point 4: anonymous verifications (an upload, the QR code's page, the JSON verification)
     * leave the audit table as it is; they raise today's daily count and the {@code sello.verifications}
     * counter by exactly as many as were answered. A signed-in user's verification still gets its row.
     * Answers 429 are allowed (a rate limit on anonymous verification) and are counted by neither.
     */
    @Test
    @Order(6)
    void anonymousVerificationsAreCountedNotAuditedOneByOne() throws Exception {
        byte[] pdf = send("GET", "/api/v1/documents/" + id + "/pdf", null, null, "ana", "ana-dev")
                .body();
        long rows = registry.auditRowCount();
        Map<String, Long> daily = dailyCounts();
        double uploadsMetric = verifications("upload", "anonymous");
        double storedMetric = verifications("stored", "anonymous");
        int uploads = 0;
        int stored = 0;
        for (int i = 0; i < 30; i++) {
            uploads += answered(send("POST", "/api/v1/verify", pdf, "application/pdf", null, null));
        }
        for (int i = 0; i < 10; i++) {
            stored += answered(send("GET", "/verify/" + id, null, null, null, null));
            stored += answered(send("GET", "/api/v1/documents/" + id + "/verification", null, null, null, null));
        }
        assertThat(uploads).as("anonymous uploads answered").isPositive();
        assertThat(stored)
                .as("anonymous verifications of the stored file answered")
                .isPositive();
        assertThat(registry.auditRowCount())
                .as("audit rows after %d anonymous verifications", uploads + stored)
                .isEqualTo(rows);
        Map<String, Long> after = dailyCounts();
        assertThat(after.getOrDefault("verify-upload ok", 0L) - daily.getOrDefault("verify-upload ok", 0L))
                .isEqualTo(uploads);
        assertThat(after.getOrDefault("verify-stored ok", 0L) - daily.getOrDefault("verify-stored ok", 0L))
                .isEqualTo(stored);
        assertThat(verifications("upload", "anonymous") - uploadsMetric).isEqualTo(uploads);
        assertThat(verifications("stored", "anonymous") - storedMetric).isEqualTo(stored);
        String prometheus = new String(
                send("GET", "/actuator/prometheus", null, null, null, null).body(), StandardCharsets.UTF_8);
        assertThat(prometheus)
                .containsPattern(
                        "sello_verifications_total\\{[^}]*caller=\"anonymous\"[^}]*result=\"ok\"[^}]*source=\"upload\"[^}]*} [1-9]");

        // a signed-in user's verification keeps its row, in the document's trail
        assertThat(send("GET", "/api/v1/documents/" + id + "/verification", null, null, "luis", "luis-dev")
                        .statusCode())
                .isEqualTo(200);
        assertThat(registry.auditRowCount()).isEqualTo(rows + 1);
        JsonNode trail =
                JSON.readTree(send("GET", "/api/v1/documents/" + id + "/audit", null, null, "admin", "admin-dev")
                        .body());
        JsonNode last = trail.get(trail.size() - 1);
        assertThat(last.get("actor").stringValue() + " " + last.get("action").stringValue() + " "
                        + last.get("result").stringValue())
                .isEqualTo("luis verify ok");
        // none of them refused; counted as a difference, since other test classes share today's row (VerifyPageTest
        // shows a tampered file, which is a refused stored verification)
        assertThat(after.getOrDefault("verify-stored refused", 0L))
                .isEqualTo(daily.getOrDefault("verify-stored refused", 0L));
        assertThat(verifications("stored", "authenticated")).isGreaterThanOrEqualTo(1);
        // the daily counts are for admins
        assertThat(send("GET", "/api/v1/audit/daily-counts", null, null, "ana", "ana-dev")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/audit/daily-counts", null, null, null, null)
                        .statusCode())
                .isEqualTo(401);
    }

    private static int answered(HttpResponse<byte[]> response) {
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isIn(200, 429);
        return response.statusCode() == 200 ? 1 : 0;
    }

    /** Today's daily counts, read as an admin over HTTP: "action result" to count. */
    private Map<String, Long> dailyCounts() throws Exception {
        HttpResponse<byte[]> response =
                send("GET", "/api/v1/audit/daily-counts?days=1", null, null, "admin", "admin-dev");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Long> counts = new HashMap<>();
        JSON.readTree(response.body())
                .forEach(row -> counts.merge(
                        row.get("action").stringValue() + " "
                                + row.get("result").stringValue(),
                        row.get("events").longValue(),
                        Long::sum));
        return counts;
    }

    private double verifications(String source, String caller) {
        return meters.find("sello.verifications").tag("source", source).tag("caller", caller).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /**
     * Issue 13, point 1: a declared figure printed within rounding is on record in the audit trail
     * with both figures, for stored documents and for renders that are not stored.
     */
    @Test
    void theAuditListsEveryDeclaredFigurePrintedWithinRoundingWithBothFigures() throws Exception {
        byte[] summary = Files.readAllBytes(Path.of("examples/budget-summary/resumen-subproyectos.json"));
        HttpResponse<byte[]> stored = send(
                "POST", "/api/v1/documents/budget-summary?store=true", summary, "application/json", "ana", "ana-dev");
        assertThat(stored.statusCode()).isEqualTo(201);
        String storedId = JSON.readTree(stored.body()).get("id").stringValue();
        JsonNode audit =
                JSON.readTree(send("GET", "/api/v1/documents/" + storedId + "/audit", null, null, "admin", "admin-dev")
                        .body());
        String detail = audit.get(0).get("detail").stringValue();
        // the subproject summary's 13 rounding differences, each with its pointer and both figures
        assertThat(detail).contains("13 warning(s)");
        assertThat(detail.split("\\[rounding-declared-printed]", -1)).hasSize(14);
        assertThat(detail)
                .contains(
                        "/tables/0/rows/6/declared/usd: declared 1288584 but the figures add up to 1288583 (rounding: within ±3.5)");

        send("POST", "/api/v1/documents/budget-summary", summary, "application/json", "ana", "ana-dev");
        JsonNode recent = JSON.readTree(send("GET", "/api/v1/audit?limit=1", null, null, "admin", "admin-dev")
                .body());
        assertThat(recent.get(0).get("detail").stringValue())
                .startsWith("budget-summary as pdf")
                .contains("declared 1288584 but the figures add up to 1288583");
    }

    /**
     * Issue 15: a budget summary whose data names its signatories prints the form's signature block, and is
     * signed off like the form: the three steps by their roles, each visible signature in its FIRMA cell.
     */
    @Test
    void aBudgetSummaryWithSignatoriesIsSignedOffLikeTheForm() throws Exception {
        String example = Files.readString(Path.of("examples/budget-summary/resumen-subproyectos.json"))
                .strip();
        byte[] summary = Fixtures.utf8(example.substring(0, example.length() - 1) + """
                , "signatories": [
                  {"role": "ELABORADO", "name": "Ana Quispe", "position": "Responsable de Planificación"},
                  {"role": "REVISADO", "name": "Luis Mamani", "position": "Jefe de Presupuesto"},
                  {"role": "APROBADO", "name": "Rosa Choque", "position": "Directora General"}
                ]}""");
        HttpResponse<byte[]> stored = send(
                "POST", "/api/v1/documents/budget-summary?store=true", summary, "application/json", "ana", "ana-dev");
        assertThat(stored.statusCode())
                .as(new String(stored.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        JsonNode document = JSON.readTree(stored.body());
        String budgetId = document.get("id").stringValue();
        assertThat(document.get("nextStep").stringValue()).isEqualTo("ELABORADO");

        String[][] steps = {
            {"ana", "ana-dev", "ELABORADO"}, {"luis", "luis-dev", "REVISADO"}, {"rosa", "rosa-dev", "APROBADO"}
        };
        HttpResponse<byte[]> last = null;
        for (String[] step : steps) {
            last = send(
                    "POST",
                    "/api/v1/documents/" + budgetId + "/sign-offs",
                    Fixtures.utf8("{\"step\": \"" + step[2] + "\"}"),
                    "application/json",
                    step[0],
                    step[1]);
            assertThat(last.statusCode())
                    .as(step[2] + ": " + new String(last.body(), StandardCharsets.UTF_8))
                    .isEqualTo(201);
        }
        assertThat(JSON.readTree(last.body()).get("status").stringValue()).isEqualTo("APROBADO");

        JsonNode verification =
                JSON.readTree(send("GET", "/api/v1/documents/" + budgetId + "/verification", null, null, null, null)
                        .body());
        assertThat(verification.get("matchesRegistry").booleanValue()).isTrue();
        threeIntactDevelopmentKeySignatures(verification);
        assertThat(verification.get("report").get("changedAfterLastSignature").booleanValue())
                .isFalse();

        byte[] pdf = send("GET", "/api/v1/documents/" + budgetId + "/pdf", null, null, "ana", "ana-dev")
                .body();
        Path file = Files.createTempFile("signed-budget", ".pdf");
        Files.write(file, pdf);
        try {
            String pdfsig = Processes.run("pdfsig", file.toString());
            assertThat(pdfsig.split("Signature is Valid", -1)).hasSize(4);
            assertThat(pdfsig).contains("Signature #3", "Total document signed");
        } finally {
            Files.copy(file, Path.of("target/signed-budget-summary.pdf"), StandardCopyOption.REPLACE_EXISTING);
            Files.delete(file);
        }
    }

    /** The same stored form, downloaded and signed off with the CLI, as a system without the server would. */
    @Test
    void aStoredFormCanBeSignedOffWithTheCli(@TempDir Path dir) throws Exception {
        JsonNode stored = JSON.readTree(send(
                        "POST",
                        "/api/v1/documents/poa-execution-form?store=true",
                        Fixtures.seedExample(),
                        "application/json",
                        "ana",
                        "ana-dev")
                .body());
        Path current = dir.resolve("stored.pdf");
        Files.write(
                current,
                send(
                                "GET",
                                "/api/v1/documents/" + stored.get("id").stringValue() + "/pdf",
                                null,
                                null,
                                "ana",
                                "ana-dev")
                        .body());
        Path keystore = dir.resolve("k.p12");
        Keystores.generateDevelopment(keystore, "cli-secret".toCharArray(), "CLI");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SelloCli cli = new SelloCli(
                Fixtures::types,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()),
                Map.of("SELLO_KEYSTORE_PASSWORD", "cli-secret")::get,
                Clock.systemUTC());
        for (String step : new String[] {"ELABORADO", "REVISADO", "APROBADO"}) {
            Path next = dir.resolve(step + ".pdf");
            assertThat(cli.run(new String[] {
                        "sign",
                        current.toString(),
                        "--role",
                        step,
                        "--name",
                        "Firmante " + step,
                        "--position",
                        "Cargo",
                        "-o",
                        next.toString(),
                        "--keystore",
                        keystore.toString()
                    }))
                    .as(out.toString())
                    .isZero();
            current = next;
        }
        assertThat(cli.run(new String[] {"verify", current.toString()})).isZero();
        assertThat(Processes.run("pdfsig", current.toString()).split("Signature is Valid", -1))
                .hasSize(4);
    }

    @Test
    void unknownDocumentsAreNotFound() throws Exception {
        assertThat(send("GET", "/api/v1/documents/00000000-0000-0000-0000-000000000000", null, null, "ana", "ana-dev")
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/documents/not-a-uuid/verification", null, null, null, null)
                        .statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<byte[]> signOff(String user, String password, String body) throws Exception {
        return send(
                "POST",
                "/api/v1/documents/" + id + "/sign-offs",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                body == null ? null : "application/json",
                user,
                password);
    }

    private HttpResponse<byte[]> send(
            String method, String path, byte[] body, String contentType, String user, String password)
            throws Exception {
        return HttpApiTest.send(client, port, method, path, body, contentType, user, password);
    }

    /** Intact, but signed with the development keystore, which no deployment trusts by default (issue 16): never "valid". */
    private static void threeIntactDevelopmentKeySignatures(JsonNode verification) {
        assertThat(verification.get("report").get("signatures"))
                .extracting(s -> s.get("step").stringValue() + ":"
                        + s.get("intact").booleanValue() + ":" + s.get("valid").booleanValue() + ":"
                        + s.get("verdict").stringValue()
                        + ":" + s.get("reason").stringValue())
                .containsExactly(
                        "ELABORADO:true:false:INDETERMINATE:certificado de desarrollo",
                        "REVISADO:true:false:INDETERMINATE:certificado de desarrollo",
                        "APROBADO:true:false:INDETERMINATE:certificado de desarrollo");
    }
}
