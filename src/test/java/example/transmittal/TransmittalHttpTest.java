package example.transmittal;

import io.sello.SelloApplication;
import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipe's type on the real HTTP path: a deployment names its package in sello.document-types.packages, and the
 * listing, the schema, the check and the render take it up with no other change (docs/architecture.md).
 */
@SlowTest
@SpringBootTest(
        classes = SelloApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sello.document-types.packages=io.sello,example.transmittal")
class TransmittalHttpTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A development user (PREPARER), as a system posting documents sends it. */
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(Fixtures.utf8("ana:ana-dev"));

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void theTypeIsListedCheckedAndRenderedLikeTheBundledOnes() throws Exception {
        JsonNode listed = JSON.readTree(get("/api/v1/document-types").body());
        assertThat(listed)
                .extracting(t -> t.get("id").stringValue())
                .contains("poa-execution-form", "transmittal-note");
        byte[] example = get("/api/v1/document-types/transmittal-note/example").body();
        assertThat(JSON.readTree(get("/api/v1/document-types/transmittal-note/schema")
                                .body())
                        .get("title")
                        .stringValue())
                .isEqualTo("Nota de remisión");

        HttpResponse<byte[]> check = post(
                "/api/v1/documents/transmittal-note/validate",
                new String(example, StandardCharsets.UTF_8).replace("\"declaredPages\": 37", "\"declaredPages\": 40"));
        assertThat(check.statusCode())
                .as(new String(check.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        JsonNode report = JSON.readTree(check.body());
        assertThat(report.get("valid").booleanValue()).isFalse();
        assertThat(report.get("mismatches").get(0).get("pointer").stringValue()).isEqualTo("/declaredPages");

        HttpResponse<byte[]> pdf =
                post("/api/v1/documents/transmittal-note", new String(example, StandardCharsets.UTF_8));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(PdfDocument.of(pdf.body()).text()).contains("NOTA DE REMISIÓN N.º NR-014/2024", "TOTAL 37");

        HttpResponse<byte[]> bad = post("/api/v1/documents/transmittal-note", "{\"number\": \"NR-1\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("errors"))
                .extracting(e -> e.get("pointer").stringValue())
                .contains("/date", "/subject", "/enclosures");
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(String path, String json) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", BASIC)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.utf8(json)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
