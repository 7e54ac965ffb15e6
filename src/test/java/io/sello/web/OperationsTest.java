package io.sello.web;

import io.sello.support.Fixtures;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's surface: OpenAPI and Swagger UI, Prometheus metrics, request ids in structured logs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();
    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theOpenApiSpecDescribesTheApiAndSwaggerUiServesIt() throws Exception {
        HttpResponse<String> spec = get("/v3/api-docs");
        assertThat(spec.statusCode()).isEqualTo(200);
        JsonNode api = JSON.readTree(spec.body());
        assertThat(api.get("openapi").stringValue()).startsWith("3.");
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/documents/{type}", "/api/v1/documents/{type}/validate",
                "/api/v1/documents/{id}/sign-offs", "/api/v1/documents/{id}/verification", "/api/v1/verify", "/api/v1/document-types");
        HttpResponse<String> ui = get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(ui.body()).doesNotContain("https://cdn", "unpkg.com", "jsdelivr");
    }

    @Test
    void rendersAreCountedAndTimedPerType(CapturedOutput output) throws Exception {
        HttpResponse<byte[]> rendered = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/documents/poa-execution-form")).header("Content-Type", "application/json")
                .header("Authorization", HttpApiTest.basic("ana", "ana-dev")).header("X-Request-Id", "req-ops-42")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.seedExample())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(rendered.headers().firstValue("X-Request-Id")).hasValue("req-ops-42");
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("sello_render_seconds_count\\{[^}]*format=\"pdf\"[^}]*outcome=\"ok\"[^}]*type=\"poa-execution-form\"[^}]*} [1-9]");
        assertThat(metrics).contains("sello_render_seconds_sum");
        // structured (ECS JSON) log lines carry the request id
        assertThat(output.getOut().lines()).anySatisfy(line -> assertThat(line).startsWith("{")
                .contains("\"requestId\":\"req-ops-42\"", "\"message\":\"POST /api/v1/documents/poa-execution-form -> 200"));
        HttpResponse<String> generated = get("/api/v1/document-types");
        assertThat(generated.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        HttpResponse<String> hostile = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/document-types"))
                .header("X-Request-Id", "x\"}{injected").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hostile.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).doesNotContain("injected"));
    }

    @Test
    void healthHasLivenessAndReadiness() throws Exception {
        assertThat(get("/actuator/health/liveness").body()).contains("UP");
        assertThat(get("/actuator/health/readiness").body()).contains("UP");
    }
}
