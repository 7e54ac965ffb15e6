package io.sello.web;

import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.StreamSupport;

import static io.sello.support.Fixtures.smallForm;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API on a real port, through the JDK's HTTP client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SlowTest
class HttpApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void rendersTheSeedFormAsAPdfDownload() throws Exception {
        HttpResponse<byte[]> response =
                post("/api/v1/documents/poa-execution-form", Fixtures.seedExample(), "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value)
                        .startsWith("attachment;")
                        .contains("filename=\"FORMULARIO-N.5.B_SENAVEX_2020_2021-07-07.pdf\""));
        assertThat(response.headers().firstValue("Sello-Warning-Count")).contains("6");
        JsonNode warnings =
                JSON.readTree(response.headers().firstValue("Sello-Warnings").orElseThrow());
        assertThat(warnings.get(0).get("pointer").stringValue()).isEqualTo("/activities/0/indicator/description");
        assertThat(warnings.get(0).get("message").stringValue()).contains("N°");
        assertThat(PdfDocument.of(response.body()).text()).contains("TOTAL GENERAL", "13,614,893.00");
    }

    @Test
    void badInputIsA400ProblemListingEveryErrorWithItsPointer() throws Exception {
        String json = smallForm()
                .replace("\"fiscalYear\": 2024", "\"fiscalYear\": \"2024\", \"extra\": 1")
                .replace("\"tgn\": \"300.25\"", "\"tgn\": \"-1\"");
        HttpResponse<byte[]> response =
                post("/api/v1/documents/poa-execution-form", Fixtures.utf8(json), "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").intValue()).isEqualTo(400);
        assertThat(problem.get("type").stringValue()).isEqualTo("/problems/invalid-input");
        assertThat(problem.get("detail").stringValue()).startsWith("/header/");
        assertThat(problem.get("errors"))
                .extracting(e -> e.get("pointer").stringValue())
                .containsExactlyInAnyOrder(
                        "/header/fiscalYear", "/header/extra", "/activities/0/budgetLines/0/executed/tgn");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .doesNotContain("Exception", "at io.sello", "/work/");
    }

    @Test
    void malformedJsonIsA400NotA5xx() throws Exception {
        for (String body :
                new String[] {"{", "", "null", "[]", "{\"header\": 1, \"header\": 2}", "\"text\"", "{} {}"}) {
            HttpResponse<byte[]> response =
                    post("/api/v1/documents/poa-execution-form", Fixtures.utf8(body), "application/json");
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("errors")).as(body).isNotEmpty();
        }
    }

    @Test
    void declaredTotalsThatDifferAreA422UnlessLenient() throws Exception {
        String json = smallForm()
                .replace(
                        "\"signatories\"",
                        "\"declaredTotals\": {\"general\": {\"programmed\": \"999.00\"}}, \"signatories\"");
        HttpResponse<byte[]> strict =
                post("/api/v1/documents/poa-execution-form", Fixtures.utf8(json), "application/json");
        assertThat(strict.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(strict.body());
        JsonNode mismatch = problem.get("mismatches").get(0);
        assertThat(mismatch.get("pointer").stringValue()).isEqualTo("/declaredTotals/general/programmed");
        assertThat(mismatch.get("declared").decimalValue()).isEqualByComparingTo("999.00");
        assertThat(mismatch.get("computed").decimalValue()).isEqualByComparingTo("1200.99");

        HttpResponse<byte[]> lenient =
                post("/api/v1/documents/poa-execution-form?lenient=true", Fixtures.utf8(json), "application/json");
        assertThat(lenient.statusCode()).isEqualTo(200);
        assertThat(lenient.headers().firstValue("Sello-Warning-Count")).contains("1");
        assertThat(lenient.headers().firstValue("Sello-Warnings").orElseThrow()).contains("total-mismatch");
    }

    @Test
    void aComputedTotalTooLargeToPrintIsA422NamingItsPointerEvenWhenLenient() throws Exception {
        // Each line is within the contract (at most 999,999,999,999.99); their TOTAL GENERAL is not, and the
        // form cannot print it in full (issue 13): refused, never printed cut off.
        String json = smallForm().replace("\"tgn\": 1000.50", "\"tgn\": \"999999999999.99\"");
        for (String path : new String[] {
            "/api/v1/documents/poa-execution-form", "/api/v1/documents/poa-execution-form?lenient=true"
        }) {
            HttpResponse<byte[]> response = post(path, Fixtures.utf8(json), "application/json");
            assertThat(response.statusCode()).as(path).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("type").stringValue()).isEqualTo("/problems/figure-not-printable");
            assertThat(problem.get("detail").stringValue()).startsWith("/activities/0/declaredTotal/programmed/tgn: ");
            assertThat(problem.get("errors"))
                    .extracting(e -> e.get("pointer").stringValue())
                    .containsExactly(
                            "/activities/0/declaredTotal/programmed/tgn",
                            "/declaredTotals/partial/programmed/tgn",
                            "/declaredTotals/general/programmed");
        }
        HttpResponse<byte[]> validated =
                post("/api/v1/documents/poa-execution-form/validate", Fixtures.utf8(json), "application/json");
        assertThat(JSON.readTree(validated.body()).get("valid").booleanValue()).isFalse();
    }

    @Test
    void validateReturnsTheFullReport() throws Exception {
        HttpResponse<byte[]> response =
                post("/api/v1/documents/poa-execution-form/validate", Fixtures.seedExample(), "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("valid").booleanValue()).isTrue();
        assertThat(report.get("warnings")).hasSize(6);
        // issue 15: every computed figure, with the pointer it would be declared at, as the PDF prints it
        assertThat(report.get("figures")).hasSize(42 * 5 + 5 + 3);
        JsonNode general = report.get("figures").get(42 * 5 + 5);
        assertThat(general.toString())
                .isEqualTo(
                        "{\"pointer\":\"/declaredTotals/general/programmed\","
                                + "\"label\":\"TOTAL GENERAL · Programado\",\"value\":\"13614893.00\",\"printed\":\"13,614,893.00\"}");
        HttpResponse<byte[]> broken = post(
                "/api/v1/documents/poa-execution-form/validate",
                Fixtures.utf8("{\"activities\": 3}"),
                "application/json");
        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(broken.body()).get("figures")).isEmpty();
    }

    @Test
    void documentTypesAreListedWithSchemaAndExample() throws Exception {
        JsonNode types = JSON.readTree(get("/api/v1/document-types").body());
        assertThat(types)
                .extracting(t -> t.get("id").stringValue())
                .containsExactly("poa-execution-form", "agreement-amendment", "operational-plan", "budget-summary");
        assertThat(types.get(3).get("formats"))
                .extracting(JsonNode::stringValue)
                .containsExactly("application/pdf", XLSX, "text/csv");
        assertThat(types.get(0).get("formats"))
                .extracting(JsonNode::stringValue)
                .containsExactly("application/pdf");
        JsonNode form = types.get(0);
        assertThat(form.get("id").stringValue()).isEqualTo("poa-execution-form");
        assertThat(form.get("description").stringValue()).startsWith("Seguimiento mensual de la ejecución financiera");
        // issue 15: staff read the formats by name, systems keep the media types
        assertThat(types.get(3).get("formatLabels"))
                .extracting(JsonNode::stringValue)
                .containsExactly("PDF", "Excel (XLSX)", "CSV");
        assertThat(form.get("formatLabels")).extracting(JsonNode::stringValue).containsExactly("PDF");
        assertThat(types)
                .allSatisfy(t -> assertThat(t.get("description").stringValue()).doesNotContain(" the ", " and "));
        HttpResponse<byte[]> schema = get(form.get("links").get("schema").stringValue());
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/schema+json"));
        assertThat(JSON.readTree(schema.body()).get("$schema").stringValue())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        HttpResponse<byte[]> example = get(form.get("links").get("example").stringValue());
        assertThat(post(form.get("links").get("render").stringValue(), example.body(), "application/json")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownTypesAndWrongMediaTypesAreProblems() throws Exception {
        HttpResponse<byte[]> unknown = post("/api/v1/documents/no-such-form", Fixtures.utf8("{}"), "application/json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("type").stringValue())
                .isEqualTo("/problems/unknown-document-type");
        HttpResponse<byte[]> xml =
                post("/api/v1/documents/poa-execution-form", Fixtures.utf8("<form/>"), "application/xml");
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(xml.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void rendersAnAmendmentAndRefusesABadOneWithPointers() throws Exception {
        byte[] seed = Fixtures.read(Path.of("examples/agreement-amendment/pcc-peru-2008.json"));
        HttpResponse<byte[]> ok = post("/api/v1/documents/agreement-amendment?lenient=true", seed, "application/json");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(PdfDocument.of(ok.body()).text()).contains("ENMIENDA", "Dr. Peter Müller");
        String bad = new String(seed, StandardCharsets.UTF_8).replace("\"currency\": \"CHF\"", "\"currency\": \"chf\"");
        HttpResponse<byte[]> refused =
                post("/api/v1/documents/agreement-amendment", Fixtures.utf8(bad), "application/json");
        assertThat(refused.statusCode()).isEqualTo(400);
        // Every "CHF" became "chf": the amounts in the articles and the annex's budget columns alike.
        assertThat(JSON.readTree(refused.body()).get("errors"))
                .extracting(e -> e.get("pointer").stringValue())
                .startsWith(
                        "/articles/0/quotedClauses/0/paragraphs/1/3/money/currency",
                        "/articles/0/quotedClauses/0/paragraphs/1/7/money/currency",
                        "/annex/sections/0/blocks/4/budget/columns/0/currency")
                .allSatisfy(pointer -> assertThat(pointer).endsWith("/currency"))
                .hasSize(bad.split("\"currency\": \"chf\"", -1).length - 1);
        HttpResponse<byte[]> schema = get("/api/v1/document-types/agreement-amendment/schema");
        assertThat(JSON.readTree(schema.body()).get("title").stringValue())
                .isEqualTo("Enmienda a un acuerdo de cooperación");
    }

    @Test
    void rendersAnOperationalPlanAndRefusesARaggedTable() throws Exception {
        byte[] small = Fixtures.read(Path.of("examples/operational-plan/small-plan.json"));
        HttpResponse<byte[]> ok = post("/api/v1/documents/operational-plan", small, "application/json");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("Plan-Operativo"));
        assertThat(PdfDocument.of(ok.body()).text()).contains("Índice", "Cuadro 2: Presupuesto (USD)");
        String ragged = new String(small, StandardCharsets.UTF_8).replace("\"Estudios\",", "");
        HttpResponse<byte[]> refused =
                post("/api/v1/documents/operational-plan", Fixtures.utf8(ragged), "application/json");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body())
                        .get("errors")
                        .get(0)
                        .get("pointer")
                        .stringValue())
                .isEqualTo("/sections/1/blocks/0/table/body/1");
    }

    @Test
    void healthIsUp() throws Exception {
        assertThat(new String(get("/actuator/health/readiness").body(), StandardCharsets.UTF_8))
                .contains("UP");
    }

    private HttpResponse<byte[]> post(String path, byte[] body, String contentType)
            throws IOException, InterruptedException {
        return post(path, body, contentType, null);
    }

    /** As Ana, a preparer (development user): rendering needs an authenticated caller. */
    private HttpResponse<byte[]> post(String path, byte[] body, String contentType, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", basic("ana", "ana-dev"));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(
                request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static final String BUDGET = "/api/v1/documents/budget-summary";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void aBudgetComesAsPdfXlsxOrCsvByAcceptOrFormat() throws Exception {
        byte[] json = Fixtures.read(Path.of("examples/budget-summary/resumen-subproyectos.json"));
        HttpResponse<byte[]> pdf = post(BUDGET, json, "application/json");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<byte[]> xlsx = post(BUDGET, json, "application/json", XLSX + ", application/problem+json;q=0.5");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(XLSX);
        assertThat(xlsx.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains(".xlsx"));
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        HttpResponse<byte[]> csv = post(BUDGET + "?format=csv", json, "application/json", "application/pdf");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("table,row,kind,level,label,column");
    }

    @Test
    void theFiguresFieldChoosesWhatPrintsAndAnUnlistedValueIs400() throws Exception {
        String json = Files.readString(Path.of("examples/budget-summary/resumen-subproyectos.json"));
        // Seed 003: Total Fase II (US$) declared 1'288,584, computed 1,288,583 (rounding).
        HttpResponse<byte[]> declared = post(BUDGET, Fixtures.utf8(json), "application/json");
        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(declared.headers().firstValue("Sello-Warning-Count")).hasValue("13");
        assertThat(PdfDocument.of(declared.body()).text()).contains("1,288,584").doesNotContain("1,288,583");
        HttpResponse<byte[]> computed = post(
                BUDGET, Fixtures.utf8(json.replaceFirst("\\{", "{\"figures\": \"computed\",")), "application/json");
        assertThat(computed.statusCode()).isEqualTo(200);
        assertThat(PdfDocument.of(computed.body()).text()).contains("1,288,583").doesNotContain("1,288,584");
        HttpResponse<byte[]> figures =
                post(BUDGET, Fixtures.utf8(json.replaceFirst("\\{", "{\"figures\": \"paper\",")), "application/json");
        assertThat(figures.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(figures.body()).get("detail").stringValue())
                .startsWith("/figures: expected one of [declared-within-rounding, computed] but got \"paper\"");
        HttpResponse<byte[]> rounding = post(
                BUDGET,
                Fixtures.utf8(json.replace(
                        "\"labelHeader\": \"Rubro / Institución\",",
                        "\"labelHeader\": \"Rubro / Institución\", \"rounding\": \"spreadsheet\",")),
                "application/json");
        assertThat(rounding.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(rounding.body()).get("detail").stringValue())
                .startsWith("/tables/0/rounding: expected one of [per-cell, display] but got \"spreadsheet\"");
    }

    @Test
    void aFormatTheTypeDoesNotDeliverIsRefusedNotSubstituted() throws Exception {
        HttpResponse<byte[]> form =
                post("/api/v1/documents/poa-execution-form?format=xlsx", Fixtures.seedExample(), "application/json");
        assertThat(form.statusCode()).isEqualTo(406);
        JsonNode problem = JSON.readTree(form.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("/problems/unsupported-format");
        assertThat(problem.get("detail").stringValue())
                .startsWith("format: poa-execution-form is delivered as [pdf (application/pdf)]");
        HttpResponse<byte[]> png = post(BUDGET, Fixtures.utf8("{}"), "application/json", "image/png");
        assertThat(png.statusCode()).isEqualTo(406);
        assertThat(png.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(post(BUDGET + "?format=docx", Fixtures.utf8("{}"), "application/json")
                        .statusCode())
                .isEqualTo(406);
    }

    @Test
    void budgetValidationClassifiesEveryMismatchAndRenderingRefusesErrors() throws Exception {
        byte[] json = Fixtures.read(Path.of("examples/budget-summary/cuadro-1-programa.json"));
        JsonNode report = JSON.readTree(
                post(BUDGET + "/validate", json, "application/json").body());
        assertThat(report.get("valid").booleanValue()).isFalse();
        JsonNode first = report.get("mismatches").get(0);
        assertThat(first.get("table").stringValue()).isEqualTo("programa-por-anio");
        assertThat(first.get("row").stringValue()).isEqualTo("Asistencia técnica nacional (MWA)");
        assertThat(first.get("column").stringValue()).isEqualTo("Total");
        assertThat(first.get("declared").decimalValue()).isEqualByComparingTo("140760");
        assertThat(first.get("computed").decimalValue()).isEqualByComparingTo("140764");
        assertThat(first.get("difference").decimalValue()).isEqualByComparingTo("-4");
        assertThat(first.get("tolerance").decimalValue()).isEqualByComparingTo("3");
        assertThat(first.get("classification").stringValue()).isEqualTo("error");
        HttpResponse<byte[]> refused = post(BUDGET, json, "application/json", XLSX);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("mismatches")).hasSize(3);
        HttpResponse<byte[]> lenient = post(BUDGET + "?lenient=true", json, "application/json", XLSX);
        assertThat(lenient.statusCode()).isEqualTo(200);
        assertThat(lenient.headers().firstValue("Sello-Warning-Count")).hasValue("3");
        JsonNode rounding = JSON.readTree(post(
                        BUDGET + "/validate",
                        Fixtures.read(Path.of("examples/budget-summary/resumen-subproyectos.json")),
                        "application/json")
                .body());
        assertThat(rounding.get("valid").booleanValue()).isTrue();
        assertThat(rounding.get("mismatches"))
                .isNotEmpty()
                .allSatisfy(
                        m -> assertThat(m.get("classification").stringValue()).isEqualTo("rounding"));
        // issue 15: the figure a rounding difference is about is reported at the mismatch's pointer, as printed
        JsonNode total = StreamSupport.stream(rounding.get("mismatches").spliterator(), false)
                .filter(m -> m.get("pointer").stringValue().equals("/tables/0/rows/6/declared/usd"))
                .findFirst()
                .orElseThrow();
        assertThat(total.get("declared").decimalValue()).isEqualByComparingTo("1288584");
        assertThat(total.get("computed").decimalValue()).isEqualByComparingTo("1288583");
        JsonNode figure = StreamSupport.stream(rounding.get("figures").spliterator(), false)
                .filter(f -> f.get("pointer").stringValue().equals("/tables/0/rows/6/declared/usd"))
                .findFirst()
                .orElseThrow();
        assertThat(figure.get("value").stringValue()).isEqualTo("1288584");
        assertThat(figure.get("printed").stringValue()).isEqualTo("1,288,584");
        assertThat(figure.get("label").stringValue()).endsWith(" · Total · Total Fase II (US$)");
    }

    /** A request to the service on 127.0.0.1, as a system sends it: Basic credentials when {@code user} is given. */
    static HttpResponse<byte[]> send(
            HttpClient client,
            int port,
            String method,
            String path,
            byte[] body,
            String contentType,
            String user,
            String password)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void renderingNeedsAnAuthenticatedCallerAndSaysSoAsAProblem() throws Exception {
        HttpResponse<byte[]> anonymous = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents/poa-execution-form"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.seedExample()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        HttpResponse<byte[]> badKey = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents/poa-execution-form"))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", "guess")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.seedExample()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(badKey.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(badKey.body()).get("detail").stringValue())
                .isEqualTo("X-Api-Key: the API key is not known");
        HttpResponse<byte[]> system = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents/poa-execution-form"))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", "dev-api-key-not-for-production")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.seedExample()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(system.statusCode()).isEqualTo(200);
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
