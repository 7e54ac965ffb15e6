package io.sello.web;

import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts over HTTP (issue 15, point 3): saved, listed, reopened and saved again by their owner only;
 * two saves over one version give a 409 that carries the stored draft; issuing stores the document as
 * {@code ?store=true} does and deletes the draft, unless the data is invalid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class DraftsApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aDraftIsSavedListedReopenedSavedAgainAndDeleted() throws Exception {
        // money typed as the page sends it and as a number with trailing zeros: both come back as written
        HttpResponse<byte[]> created = send("POST", "/api/v1/drafts", """
                {"type": "poa-execution-form", "title": "Julio 2020", "data": {"header": {"entity": "SENAVEX"},
                 "amount": 1237022.00, "typed": "1.237.022,00", "activities": []}}""", "ana", null);
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        JsonNode draft = JSON.readTree(created.body());
        String id = draft.get("id").stringValue();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/drafts/" + id);
        assertThat(draft.get("version").intValue()).isEqualTo(1);
        assertThat(draft.get("type").stringValue()).isEqualTo("poa-execution-form");
        assertThat(draft.get("title").stringValue()).isEqualTo("Julio 2020");
        assertThat(draft.get("createdAt").stringValue())
                .isEqualTo(draft.get("updatedAt").stringValue());

        HttpResponse<byte[]> read = send("GET", "/api/v1/drafts/" + id, null, "ana", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(text(read))
                .contains("\"amount\":1237022.00", "\"typed\":\"1.237.022,00\"", "\"entity\":\"SENAVEX\"");

        HttpResponse<byte[]> second = send("POST", "/api/v1/drafts", """
                {"type": "budget-summary", "data": {}}""", "ana", null);
        assertThat(second.statusCode()).isEqualTo(201);
        String secondId = JSON.readTree(second.body()).get("id").stringValue();
        // saved with If-Match instead of a version member; the title is kept when not sent
        HttpResponse<byte[]> saved = send("PUT", "/api/v1/drafts/" + id, """
                {"data": {"header": {"entity": "SENAVEX", "month": 8}}}""", "ana", "\"1\"");
        assertThat(saved.statusCode()).as(text(saved)).isEqualTo(200);
        assertThat(JSON.readTree(saved.body()).get("version").intValue()).isEqualTo(2);
        assertThat(JSON.readTree(saved.body()).get("title").stringValue()).isEqualTo("Julio 2020");
        assertThat(saved.headers().firstValue("ETag")).hasValue("\"2\"");

        // mine, last saved first, without data; luis sees none of them
        JsonNode mine =
                JSON.readTree(send("GET", "/api/v1/drafts", null, "ana", null).body());
        List<String> ids = new ArrayList<>();
        mine.forEach(d -> ids.add(d.get("id").stringValue()));
        assertThat(ids).containsSubsequence(id, secondId);
        assertThat(mine.get(0).has("data")).isFalse();
        assertThat(JSON.readTree(send("GET", "/api/v1/drafts", null, "luis", null)
                                .body())
                        .toString())
                .doesNotContain(id, secondId);

        assertThat(send("DELETE", "/api/v1/drafts/" + secondId, null, "ana", null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(send("GET", "/api/v1/drafts/" + secondId, null, "ana", null).statusCode())
                .isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/drafts/" + secondId, null, "ana", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/drafts/" + id, null, null, null).statusCode())
                .isEqualTo(401);

        JsonNode audit = JSON.readTree(
                send("GET", "/api/v1/audit?limit=20", null, "admin", null).body());
        List<String> lines = new ArrayList<>();
        audit.forEach(e -> lines.add(e.get("actor").stringValue() + " "
                + e.get("action").stringValue() + " " + e.get("result").stringValue()));
        assertThat(lines).contains("ana draft-create ok", "ana draft-save ok", "ana draft-delete ok");
    }

    @Test
    void theOpenApiSpecDescribesTheDraftEndpoints() throws Exception {
        JsonNode paths = JSON.readTree(
                        send("GET", "/v3/api-docs", null, null, null).body())
                .get("paths");
        assertThat(paths.get("/api/v1/drafts").propertyNames()).contains("get", "post");
        assertThat(paths.get("/api/v1/drafts/{id}").propertyNames()).contains("get", "put", "delete");
        assertThat(paths.get("/api/v1/drafts/{id}/issue")
                        .get("post")
                        .get("summary")
                        .stringValue())
                .isEqualTo("Issue a draft: render and store it");
        assertThat(paths.get("/api/v1/drafts/{id}").get("put").get("responses").has("409"))
                .isTrue();
        assertThat(paths.get("/api/v1/documents/{id}/data").has("get")).isTrue();
    }

    @Test
    void anotherUsersDraftIsNotFoundNotForbidden() throws Exception {
        String id =
                create("ana", "{\"type\": \"operational-plan\", \"title\": \"Plan\", \"data\": {\"title\": \"x\"}}");
        for (var attempt : List.of(
                new String[] {"GET", "/api/v1/drafts/" + id, null},
                new String[] {"PUT", "/api/v1/drafts/" + id, "{\"version\": 1, \"data\": {}}"},
                new String[] {"DELETE", "/api/v1/drafts/" + id, null},
                new String[] {"POST", "/api/v1/drafts/" + id + "/issue", null})) {
            HttpResponse<byte[]> other = send(attempt[0], attempt[1], attempt[2], "luis", null);
            assertThat(other.statusCode()).as(attempt[0] + " by luis").isEqualTo(404);
            assertThat(JSON.readTree(other.body()).get("type").stringValue()).isEqualTo("/problems/not-found");
        }
        // untouched by those attempts
        HttpResponse<byte[]> mine = send("GET", "/api/v1/drafts/" + id, null, "ana", null);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(mine.body()).get("version").intValue()).isEqualTo(1);
        assertThat(send("GET", "/api/v1/drafts/not-a-uuid", null, "ana", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void badRequestsNameTheirField() throws Exception {
        HttpResponse<byte[]> unknownType =
                send("POST", "/api/v1/drafts", "{\"type\": \"factura\", \"data\": {}}", "ana", null);
        assertThat(unknownType.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(unknownType.body());
        assertThat(problem.get("errors").get(0).get("pointer").stringValue()).isEqualTo("/type");
        assertThat(problem.get("detail").stringValue()).contains("poa-execution-form", "\"factura\"");
        assertThat(pointer(
                        send("POST", "/api/v1/drafts", "{\"type\": \"budget-summary\", \"data\": [1]}", "ana", null)))
                .isEqualTo("/data");
        assertThat(pointer(send("POST", "/api/v1/drafts", "{\"type\": \"budget-summary\"}", "ana", null)))
                .isEqualTo("/data");
        assertThat(pointer(send(
                        "POST",
                        "/api/v1/drafts",
                        "{\"type\": \"budget-summary\", \"data\": {}, \"pdf\": 1}",
                        "ana",
                        null)))
                .isEqualTo("/pdf");
        String id = create("ana", "{\"type\": \"budget-summary\", \"data\": {}}");
        assertThat(pointer(send("PUT", "/api/v1/drafts/" + id, "{\"data\": {}}", "ana", null)))
                .isEqualTo("/version");
        assertThat(pointer(send("PUT", "/api/v1/drafts/" + id, "{\"version\": 1, \"data\": \"x\"}", "ana", null)))
                .isEqualTo("/data");
        // the request limits hold for draft data as for documents: deeper than sello.limits.max-depth is 400
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        assertThat(send("POST", "/api/v1/drafts", "{\"type\": \"budget-summary\", \"data\": " + deep + "}", "ana", null)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theSecondOfTwoSavesOverOneVersionIsAConflictAndBothVersionsSurvive() throws Exception {
        String id = create(
                "ana", "{\"type\": \"poa-execution-form\", \"title\": \"Agosto\", \"data\": {\"tab\": \"none\"}}");
        // two tabs read version 1; the first saves
        assertThat(send("PUT", "/api/v1/drafts/" + id, "{\"version\": 1, \"data\": {\"tab\": \"first\"}}", "ana", null)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<byte[]> second =
                send("PUT", "/api/v1/drafts/" + id, "{\"version\": 1, \"data\": {\"tab\": \"second\"}}", "ana", null);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(second.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("/problems/draft-conflict");
        assertThat(problem.get("detail").stringValue())
                .startsWith("Otra pestaña o persona guardó este borrador después de que usted lo abrió");
        assertThat(problem.get("current").get("version").intValue()).isEqualTo(2);
        assertThat(problem.get("current").get("data").get("tab").stringValue()).isEqualTo("first");
        // the first save stays stored; the second tab keeps its data as a copy: neither is lost
        assertThat(JSON.readTree(send("GET", "/api/v1/drafts/" + id, null, "ana", null)
                                .body())
                        .get("data")
                        .get("tab")
                        .stringValue())
                .isEqualTo("first");
        String copy = create(
                "ana",
                "{\"type\": \"poa-execution-form\", \"title\": \"Agosto (copia)\", \"data\": {\"tab\": \"second\"}}");
        assertThat(JSON.readTree(send("GET", "/api/v1/drafts/" + copy, null, "ana", null)
                                .body())
                        .get("data")
                        .get("tab")
                        .stringValue())
                .isEqualTo("second");
        // a stale If-Match is refused alike
        assertThat(send("PUT", "/api/v1/drafts/" + id, "{\"data\": {}}", "ana", "\"1\"")
                        .statusCode())
                .isEqualTo(409);
        JsonNode audit = JSON.readTree(
                send("GET", "/api/v1/audit?limit=5", null, "admin", null).body());
        assertThat(audit.toString()).contains("draft-save", "refused", "the save named version 1");
    }

    @Test
    void issuingStoresTheDocumentAsStoreTrueDoesAndDeletesTheDraft() throws Exception {
        String seed = new String(Fixtures.seedExample(), StandardCharsets.UTF_8);
        String id = create(
                "ana", "{\"type\": \"poa-execution-form\", \"title\": \"SENAVEX julio\", \"data\": " + seed + "}");
        HttpResponse<byte[]> issued = send("POST", "/api/v1/drafts/" + id + "/issue", null, "ana", null);
        assertThat(issued.statusCode()).as(text(issued)).isEqualTo(201);
        JsonNode document = JSON.readTree(issued.body());
        String documentId = document.get("id").stringValue();
        assertThat(issued.headers().firstValue("Location")).hasValue("/api/v1/documents/" + documentId);
        assertThat(document.get("status").stringValue()).isEqualTo("STORED");
        assertThat(document.get("createdBy").stringValue()).isEqualTo("ana");
        // seed 000 repeats an activity code: the same warnings as a store=true render
        assertThat(issued.headers().firstValue("Sello-Warning-Count")).isPresent();

        HttpResponse<byte[]> pdf = send("GET", document.get("links").get("pdf").stringValue(), null, "ana", null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(PdfDocument.of(pdf.body()).pages().get(0)).contains("SENAVEX");
        assertThat(send("GET", "/api/v1/drafts/" + id, null, "ana", null).statusCode())
                .isEqualTo(404);

        // "Nuevo a partir de…": the stored document's data, as it was sent, for any signed-in user
        HttpResponse<byte[]> data = send("GET", "/api/v1/documents/" + documentId + "/data", null, "luis", null);
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(JSON.readTree(data.body())).isEqualTo(JSON.readTree(seed));
        assertThat(send("GET", "/api/v1/documents/" + documentId + "/data", null, null, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/api/v1/documents/00000000-0000-0000-0000-000000000000/data", null, "ana", null)
                        .statusCode())
                .isEqualTo(404);

        JsonNode trail = JSON.readTree(send("GET", "/api/v1/documents/" + documentId + "/audit", null, "admin", null)
                .body());
        assertThat(trail.toString()).contains("\"action\":\"store\"", "\"action\":\"draft-issue\"", id);
    }

    @Test
    void invalidDataIsRefusedAsRenderingRefusesItAndTheDraftIsKept() throws Exception {
        String id = create(
                "ana", "{\"type\": \"poa-execution-form\", \"title\": \"A medias\", \"data\": {\"header\": {}}}");
        HttpResponse<byte[]> issued = send("POST", "/api/v1/drafts/" + id + "/issue", null, "ana", null);
        HttpResponse<byte[]> rendered =
                send("POST", "/api/v1/documents/poa-execution-form?store=true", "{\"header\": {}}", "ana", null);
        assertThat(issued.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(issued.body()).get("errors"))
                .isEqualTo(JSON.readTree(rendered.body()).get("errors"));
        assertThat(JSON.readTree(issued.body()).get("type").stringValue()).isEqualTo("/problems/invalid-input");
        HttpResponse<byte[]> kept = send("GET", "/api/v1/drafts/" + id, null, "ana", null);
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(kept.body()).get("title").stringValue()).isEqualTo("A medias");
    }

    private String create(String user, String body) throws Exception {
        HttpResponse<byte[]> created = send("POST", "/api/v1/drafts", body, user, null);
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").stringValue();
    }

    private static String pointer(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(400);
        return JSON.readTree(response.body())
                .get("errors")
                .get(0)
                .get("pointer")
                .stringValue();
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The development users' passwords are their names with "-dev". */
    private HttpResponse<byte[]> send(String method, String path, String body, String user, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", HttpApiTest.basic(user, user + "-dev"));
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
