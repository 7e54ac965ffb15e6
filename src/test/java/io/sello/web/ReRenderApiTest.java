package io.sello.web;

import io.sello.document.Hashes;
import io.sello.rendering.TemplateSource;
import io.sello.storage.DocumentId;
import io.sello.storage.DocumentRegistry;
import io.sello.support.PdfDocument;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, point 3: a stored document rendered again after its templates changed. Today's templates are replaced by
 * a changed copy (a new heading in the FreeMarker template, a CSS rule that prints text), standing for a later
 * release: {@code original} gives the stored document's text again, {@code current} the changed one.
 */
@SlowTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReRenderApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TEMPLATE = "report-templates/budget-summary/budget-summary.xhtml.ftl";
    private static final String CSS = "report-templates/budget-summary/budget-summary.css";
    /** The files a test changed, path to new bytes; every other file is the jar's. */
    static final Map<String, byte[]> CHANGED = new ConcurrentHashMap<>();

    @TestConfiguration
    static class ChangedTemplates {
        @Bean
        @Primary
        TemplateSource changedTemplates() {
            return path -> CHANGED.containsKey(path)
                    ? Optional.of(CHANGED.get(path).clone())
                    : TemplateSource.CLASSPATH.read(path);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DocumentRegistry registry;

    @Autowired
    JdbcClient jdbc;

    private JsonNode stored;

    @BeforeAll
    void store() throws Exception {
        HttpResponse<byte[]> response = send(
                "POST",
                "/api/v1/documents/budget-summary?store=true",
                Files.readAllBytes(Path.of("examples/budget-summary/resumen-subproyectos.json")),
                "application/json");
        assertThat(response.statusCode()).isEqualTo(201);
        stored = JSON.readTree(response.body());
    }

    @AfterEach
    void restore() {
        CHANGED.clear();
    }

    @Test
    void originalGivesTheStoredTextAfterTheTemplatesChangedAndCurrentTheNewOne() throws Exception {
        String id = stored.get("id").stringValue();
        String version = stored.get("templateVersion").stringValue();
        String storedText = withoutStamp(PdfDocument.of(send("GET", "/api/v1/documents/" + id + "/pdf", null, null)
                        .body())
                .flowingText(true));
        change(TEMPLATE, "<h1>${title}</h1>", "<h1>${title} PLANTILLA NUEVA</h1>");
        change(CSS, "body {", "h1::after { content: \" CSS NUEVA\"; }\nbody {");

        HttpResponse<byte[]> original =
                send("POST", "/api/v1/documents/" + id + "/re-render?templateVersion=original", null, null);
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(original.headers().firstValue(TemplateVersionsController.TEMPLATE_VERSION))
                .hasValue(version);
        assertThat(original.headers().firstValue(TemplateVersionsController.NOT_STORED))
                .hasValueSatisfying(v -> assertThat(v).contains("not signed"));
        String originalText = PdfDocument.of(original.body()).flowingText(true);
        assertThat(originalText).isEqualTo(storedText).doesNotContain("NUEVA");

        HttpResponse<byte[]> current =
                send("POST", "/api/v1/documents/" + id + "/re-render?templateVersion=current", null, null);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue(TemplateVersionsController.TEMPLATE_VERSION))
                .hasValueSatisfying(
                        v -> assertThat(v).startsWith("budget-summary@").isNotEqualTo(version));
        String currentText = PdfDocument.of(current.body()).flowingText(true);
        assertThat(currentText).contains("PLANTILLANUEVACSSNUEVA");
        assertThat(currentText.replace("PLANTILLANUEVACSSNUEVA", "")).isEqualTo(storedText);

        assertThat(registry.find(DocumentId.parse(id)).orElseThrow().sha256())
                .as("nothing stored")
                .isEqualTo(stored.get("sha256").stringValue());
        assertThat(registry.auditOf(DocumentId.parse(id)))
                .extracting(e -> e.action())
                .contains("re-render");
    }

    @Test
    void theVersionsListTheStoredOneAsKeptAndCurrent() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/api/v1/document-types/budget-summary/versions", null, null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode versions = JSON.readTree(response.body());
        String version = stored.get("templateVersion").stringValue();
        assertThat(versions.get("current").stringValue()).isEqualTo(version);
        assertThat(versions.get("versions")).anySatisfy(v -> {
            assertThat(v.get("version").stringValue()).isEqualTo(version);
            assertThat(v.get("kept").booleanValue()).isTrue();
            assertThat(v.get("current").booleanValue()).isTrue();
            assertThat(v.get("firstUsed").stringValue()).isNotBlank();
        });
        assertThat(send("GET", "/api/v1/document-types/no-such-type/versions", null, null, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aVersionWhoseFilesWereNotKeptIsAConflictThatSaysWhatToDo() throws Exception {
        // a document stored before versions were kept (V7): its version names files nobody has
        DocumentId old = DocumentId.random();
        registry.store(
                old,
                "budget-summary",
                "RESUMEN.pdf",
                "%PDF-1.7 old".getBytes(StandardCharsets.US_ASCII),
                Hashes.sha256(new byte[] {1}),
                "budget-summary@0123456789ab",
                new String(
                        Files.readAllBytes(Path.of("examples/budget-summary/resumen-subproyectos.json")),
                        StandardCharsets.UTF_8),
                List.of(),
                "ana");
        HttpResponse<byte[]> refused = send("POST", "/api/v1/documents/" + old + "/re-render", null, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("/problems/template-version-not-kept");
        assertThat(problem.get("detail").stringValue())
                .contains("budget-summary@0123456789ab")
                .contains("templateVersion=current");
        assertThat(problem.get("errors").get(0).get("pointer").stringValue()).isEqualTo("/templateVersion");
        assertThat(problem.get("versions").stringValue()).isEqualTo("/api/v1/document-types/budget-summary/versions");
        assertThat(send("POST", "/api/v1/documents/" + old + "/re-render?templateVersion=current", null, null)
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<byte[]> bad =
                send("POST", "/api/v1/documents/" + old + "/re-render?templateVersion=latest", null, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("errors").get(0).get("pointer").stringValue())
                .isEqualTo("/templateVersion");
        assertThat(send("POST", "/api/v1/documents/" + DocumentId.random() + "/re-render", null, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/documents/" + old + "/re-render", null, null, null)
                        .statusCode())
                .as("only whoever may read the document")
                .isEqualTo(401);
    }

    /** A kept version whose font is no longer the bundled one: the engines could not print it as it was. */
    @Test
    void aVersionMadeWithOtherFontsIsAConflict() throws Exception {
        String kept = stored.get("templateVersion").stringValue();
        String other = "budget-summary@0000000f0a75";
        String font = "sello/fonts/DejaVuSansCondensed.ttf";
        byte[] otherFont = "not the bundled face".getBytes(StandardCharsets.US_ASCII);
        jdbc.sql(
                        "INSERT INTO template_versions (version, type, created_at) VALUES (:v, 'budget-summary', CURRENT_TIMESTAMP)")
                .param("v", other)
                .update();
        jdbc.sql("INSERT INTO template_blobs (sha256, bytes) VALUES (:sha, :bytes)")
                .param("sha", Hashes.sha256(otherFont))
                .param("bytes", otherFont)
                .update();
        jdbc.sql("""
                        INSERT INTO template_files (version, path, sha256)
                        SELECT :other, path, CASE WHEN path = :font THEN :sha ELSE sha256 END FROM template_files WHERE version = :kept""")
                .param("other", other)
                .param("font", font)
                .param("sha", Hashes.sha256(otherFont))
                .param("kept", kept)
                .update();
        DocumentId id = DocumentId.random();
        registry.store(
                id,
                "budget-summary",
                "RESUMEN.pdf",
                "%PDF-1.7 old".getBytes(StandardCharsets.US_ASCII),
                Hashes.sha256(new byte[] {2}),
                other,
                new String(
                        Files.readAllBytes(Path.of("examples/budget-summary/resumen-subproyectos.json")),
                        StandardCharsets.UTF_8),
                List.of(),
                "ana");
        HttpResponse<byte[]> refused = send("POST", "/api/v1/documents/" + id + "/re-render", null, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("type").stringValue())
                .isEqualTo("/problems/template-version-fonts-changed");
    }

    /**
     * The stored PDF's text, in the order it was written and without white space, less the verification stamp
     * DocumentStore adds to every page (a re-render has none). In reading order the stamp beside the title shifts how
     * PDFBox groups the table's heading lines, so the written order is the one that compares text for text.
     */
    private static String withoutStamp(String flow) {
        return flow.replaceAll("Verificar:\\S*?/verify/[0-9a-f-]{36}", "").replaceAll("SHA-256[0-9a-f]{16}", "");
    }

    private static void change(String path, String from, String to) {
        String text = new String(TemplateSource.CLASSPATH.read(path).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        CHANGED.put(path, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body, String contentType) throws Exception {
        return send(method, path, body, contentType, "ana");
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body, String contentType, String user)
            throws Exception {
        return HttpApiTest.send(
                client, port, method, path, body, contentType, user, user == null ? null : user + "-dev");
    }
}
