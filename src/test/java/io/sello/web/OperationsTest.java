package io.sello.web;

import io.sello.support.Fixtures;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's surface: OpenAPI and Swagger UI, Prometheus metrics, request ids in structured logs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@SlowTest
class OperationsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theOpenApiSpecDescribesTheApiAndSwaggerUiServesIt() throws Exception {
        HttpResponse<String> spec = get("/v3/api-docs");
        assertThat(spec.statusCode()).isEqualTo(200);
        JsonNode api = JSON.readTree(spec.body());
        assertThat(api.get("openapi").stringValue()).startsWith("3.");
        // issue 18: JSON is rendered and validated by each type's own operations; the generic path takes spreadsheets
        assertThat(api.get("openapi").stringValue()).isEqualTo("3.1.0");
        assertThat(api.get("paths").propertyNames())
                .contains(
                        "/api/v1/documents/{type}",
                        "/api/v1/documents/poa-execution-form",
                        "/api/v1/documents/poa-execution-form/validate",
                        "/api/v1/documents/{id}/sign-offs",
                        "/api/v1/documents/{id}/verification",
                        "/api/v1/verify",
                        "/api/v1/document-types");
        // issue 15: validate's answer documents the computed figures
        JsonNode schemas = api.get("components").get("schemas");
        assertThat(schemas.get("ValidationResponse").get("properties").propertyNames())
                .contains("figures");
        // issue 16: each verified signature's verdict, reason, level, timestamp time and chain status
        assertThat(schemas.get("SignatureCheck").get("properties").propertyNames())
                .contains(
                        "intact",
                        "valid",
                        "verdict",
                        "reason",
                        "subIndication",
                        "level",
                        "timestampTime",
                        "chain",
                        "chainStatus",
                        "signerCommonName");
        assertThat(schemas.get("SignatureCheck")
                        .get("properties")
                        .get("verdict")
                        .get("description")
                        .stringValue())
                .contains("TOTAL_PASSED");
        assertThat(schemas.get("ComputedFigure").get("properties").propertyNames())
                .containsExactly("pointer", "label", "value", "printed");
        assertThat(schemas.get("ComputedFigure")
                        .get("properties")
                        .get("pointer")
                        .get("description")
                        .stringValue())
                .contains("/declaredTotals/general/programmed", "/rows/{r}/declared/{columnKey}");
        HttpResponse<String> ui = get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(ui.body()).doesNotContain("https://cdn", "unpkg.com", "jsdelivr");
    }

    /**
     * Issue 14, point 7: the OpenAPI document declares HTTP Basic and the X-Api-Key header, every
     * operation needs one of them unless it declares none, and the declaration is what the service
     * does: an operation that declares none answers an anonymous caller without 401, every other one
     * answers it 401.
     */
    @Test
    void theOpenApiSpecDeclaresItsSecuritySchemesAndWhichOperationsNeedThem() throws Exception {
        JsonNode api = JSON.readTree(get("/v3/api-docs").body());
        JsonNode schemes = api.get("components").get("securitySchemes");
        assertThat(schemes.get("basic").get("type").stringValue()).isEqualTo("http");
        assertThat(schemes.get("basic").get("scheme").stringValue()).isEqualTo("basic");
        assertThat(schemes.get("apiKey").get("type").stringValue()).isEqualTo("apiKey");
        assertThat(schemes.get("apiKey").get("in").stringValue()).isEqualTo("header");
        assertThat(schemes.get("apiKey").get("name").stringValue()).isEqualTo("X-Api-Key");
        // either scheme will do: two requirement objects, one scheme each
        assertThat(api.get("security").toString()).isEqualTo("[{\"basic\":[]},{\"apiKey\":[]}]");

        Set<String> open = new TreeSet<>();
        Set<String> closed = new TreeSet<>();
        for (String path : api.get("paths").propertyNames()) {
            JsonNode operations = api.get("paths").get(path);
            for (String method : operations.propertyNames()) {
                JsonNode security = operations.get(method).get("security");
                boolean declaresNone = security != null && security.isArray() && security.isEmpty();
                assertThat(security == null || declaresNone)
                        .as(method + " " + path + " inherits the document's requirement or declares none")
                        .isTrue();
                String operation = method.toUpperCase(Locale.ROOT) + " " + path;
                (declaresNone ? open : closed).add(operation);
                // any value will do for a path variable: authentication is decided before the path is looked at
                String concrete = path.replaceAll("\\{[^}]+}", "poa-execution-form");
                HttpResponse<String> anonymous = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + concrete))
                                .method(method.toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (declaresNone) {
                    assertThat(anonymous.statusCode())
                            .as(operation + " declares no security, so an anonymous caller gets in")
                            .isNotEqualTo(401);
                } else {
                    assertThat(anonymous.statusCode())
                            .as(operation + " needs Basic or an API key")
                            .isEqualTo(401);
                }
            }
        }
        assertThat(open)
                .contains(
                        "GET /api/v1/document-types",
                        "GET /api/v1/document-types/{type}/schema",
                        "GET /api/v1/document-types/{type}/example",
                        "POST /api/v1/verify",
                        "GET /verify/{id}",
                        "GET /api/v1/documents/{id}/verification",
                        "GET /api/v1/document-types/{type}/versions");
        assertThat(closed)
                .contains(
                        "POST /api/v1/documents/{type}",
                        "POST /api/v1/documents/budget-summary",
                        "POST /api/v1/documents/budget-summary/validate",
                        "POST /api/v1/documents/{id}/sign-offs",
                        "GET /api/v1/documents/{id}/audit",
                        "GET /api/v1/audit",
                        "POST /api/v1/documents/{id}/re-render");
    }

    /** Issue 14, point 7: asked for directly, the container's error path is not found, not a 500 with status 999. */
    @Test
    void theErrorPathAskedForDirectlyIsNotFound() throws Exception {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            for (String path : new String[] {"/error", "/error?status=500"}) {
                HttpResponse<String> error = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(error.statusCode()).as(method + " " + path).isEqualTo(404);
                assertThat(error.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
                JsonNode problem = JSON.readTree(error.body());
                assertThat(problem.get("type").stringValue()).isEqualTo("/problems/not-found");
                assertThat(problem.get("status").intValue()).isEqualTo(404);
            }
        }
        // real errors are still described through /error (an error dispatch): an unknown path, a failed sign-in
        HttpResponse<String> unknown = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/no-such-page"))
                        .header("Authorization", HttpApiTest.basic("ana", "ana-dev"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        HttpResponse<String> unauthenticated = get("/api/v1/audit");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(unauthenticated.body()).get("type").stringValue())
                .isEqualTo("/problems/unauthenticated");
    }

    @Test
    void rendersAreCountedAndTimedPerType(CapturedOutput output) throws Exception {
        HttpResponse<byte[]> rendered = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents/poa-execution-form"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", HttpApiTest.basic("ana", "ana-dev"))
                        .header("X-Request-Id", "req-ops-42")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.seedExample()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(rendered.headers().firstValue("X-Request-Id")).hasValue("req-ops-42");
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern(
                        "sello_render_seconds_count\\{[^}]*format=\"pdf\"[^}]*outcome=\"ok\"[^}]*type=\"poa-execution-form\"[^}]*} [1-9]");
        assertThat(metrics).contains("sello_render_seconds_sum");
        // structured (ECS JSON) log lines carry the request id
        assertThat(output.getOut().lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("{")
                        .contains(
                                "\"requestId\":\"req-ops-42\"",
                                "\"message\":\"POST /api/v1/documents/poa-execution-form -> 200"));
        HttpResponse<String> generated = get("/api/v1/document-types");
        assertThat(generated.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(36));
        HttpResponse<String> hostile = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/document-types"))
                        .header("X-Request-Id", "x\"}{injected")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hostile.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).doesNotContain("injected"));
    }

    @Test
    void healthHasLivenessAndReadiness() throws Exception {
        assertThat(get("/actuator/health/liveness").body()).contains("UP");
        assertThat(get("/actuator/health/readiness").body()).contains("UP");
    }
}
