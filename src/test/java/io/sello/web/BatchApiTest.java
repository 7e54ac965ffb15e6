package io.sello.web;

import com.sun.net.httpserver.HttpServer;
import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 200-document batch through JobRunr: 202 at once, progress, a bad item failing alone, the ZIP of
 * results, and a signed webhook that is retried after the client's first answer fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SlowTest
class BatchApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    /** The receiver's copy of the shared secret: it checks the signature as a receiver would, not with Sello's code. */
    @Value("${sello.batches.webhook-secret}")
    String webhookSecret;

    private HttpServer hook;

    @AfterEach
    void stopHook() {
        if (hook != null) {
            hook.stop(0);
        }
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", HttpApiTest.basic("ana", "ana-dev"))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** HMAC-SHA256 of the body under the secret, in lower-case hex: what the README tells a receiver to compute (Sello-Signature: sha256=<hex>). */
    private static String hmacSha256(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void twoHundredDocumentsRenderAndTheSignedWebhookArrivesAfterARetry() throws Exception {
        List<String> signatures = new CopyOnWriteArrayList<>();
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // the first delivery fails: the engine must retry
            int status = calls.incrementAndGet() == 1 ? 500 : 204;
            if (status == 204) {
                signatures.add(exchange.getRequestHeaders().getFirst("Sello-Signature"));
                bodies.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hook.start();

        String document = Files.readString(Path.of("examples/budget-summary/resumen-subproyectos.json"));
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            // item 3 asks for the computed figures (issue 13): the choice travels inside each item's document
            String doc = i == 7
                    ? "{\"title\": \"sin tablas\"}"
                    : i == 3 ? document.replaceFirst("\\{", "{\"figures\": \"computed\",") : document;
            items.append(i == 0 ? "" : ",")
                    .append("{\"name\": \"resumen-")
                    .append(i)
                    .append("\", \"document\": ")
                    .append(doc)
                    .append("}");
        }
        String request = "{\"type\": \"budget-summary\", \"webhook\": \"http://127.0.0.1:"
                + hook.getAddress().getPort() + "/hook\", \"items\": [" + items + "]}";
        HttpResponse<byte[]> accepted = send("POST", "/api/v1/batches", request.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).get("id").stringValue();

        JsonNode progress = await("the webhook delivered")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> JSON.readTree(
                                send("GET", "/api/v1/batches/" + id, null).body()),
                        p -> "delivered".equals(p.get("webhook").stringValue()));
        assertThat(progress.get("total").intValue()).isEqualTo(200);
        assertThat(progress.get("done").intValue()).isEqualTo(199);
        assertThat(progress.get("failed").intValue()).isEqualTo(1);
        assertThat(progress.get("items").get(7).get("error").stringValue()).startsWith("1 error(s), first /tables: ");
        // each item's status as the strings the answer has always carried (BatchStore.ItemStatus names)
        assertThat(progress.get("items").get(7).get("status").stringValue()).isEqualTo("FAILED");
        assertThat(progress.get("items").get(0).get("status").stringValue()).isEqualTo("DONE");
        // each item rendered once, its outcome recorded by this instance, named by configuration: no pid, no host
        // (issue 14)
        assertThat(progress.get("items")).allSatisfy(item -> {
            assertThat(item.get("attempts").intValue()).isEqualTo(1);
            assertThat(item.get("worker").stringValue()).isEqualTo("sello-1");
        });
        assertThat(progress.toString())
                .doesNotContain(ManagementFactory.getRuntimeMXBean().getName());
        assertThat(progress.get("webhook").stringValue()).isEqualTo("delivered");

        assertThat(calls.get()).isEqualTo(2);
        assertThat(signatures).containsExactly("sha256=" + hmacSha256(webhookSecret, bodies.get(0)));
        JsonNode delivered = JSON.readTree(bodies.get(0));
        assertThat(delivered.get("done").intValue()).isEqualTo(199);
        assertThat(delivered.get("failed").intValue()).isEqualTo(1);

        int entries = 0;
        int computedFigures = 0;
        HttpResponse<byte[]> results = send("GET", "/api/v1/batches/" + id + "/results.zip", null);
        // item 8 failed: the archive is partial, and says so in a header and in its name (issue 14)
        assertThat(results.headers().firstValue("Sello-Batch-Complete")).hasValue("false");
        assertThat(results.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"lote-" + id + "-parcial.zip\"");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(results.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                assertThat(entry.getName()).endsWith(".pdf");
                byte[] pdf = zip.readAllBytes();
                assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                // Seed 003's Total Fase II (US$): 1,288,584 as declared, 1,288,583 as computed.
                String text = PdfDocument.of(pdf).text();
                assertThat(text).containsAnyOf("1,288,584", "1,288,583");
                computedFigures += text.contains("1,288,583") ? 1 : 0;
                entries++;
            }
        }
        assertThat(entries).isEqualTo(199);
        assertThat(computedFigures).isOne();
        String metrics = new String(
                client.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(metrics).contains("sello_batch_queue_depth 0.0");
    }

    @Test
    void aCompleteBatchSaysSoAndItsStatusNamesNoWebhookItDidNotAskFor() throws Exception {
        String request = "{\"type\": \"poa-execution-form\", \"items\": [{\"name\": \"uno\", \"document\": "
                + Fixtures.smallForm() + "}]}";
        HttpResponse<byte[]> accepted = send("POST", "/api/v1/batches", request.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).get("id").stringValue();
        JsonNode progress =
                JSON.readTree(send("GET", "/api/v1/batches/" + id, null).body());
        // before it finishes the archive is partial and empty, not an error
        HttpResponse<byte[]> early = send("GET", "/api/v1/batches/" + id + "/results.zip", null);
        if (!progress.get("finished").booleanValue()) {
            assertThat(early.statusCode()).isEqualTo(200);
        }
        progress = await("the batch finished")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> JSON.readTree(
                                send("GET", "/api/v1/batches/" + id, null).body()),
                        p -> p.get("finished").booleanValue());
        assertThat(progress.get("done").intValue()).isOne();
        assertThat(progress.get("webhook").isNull()).isTrue();
        HttpResponse<byte[]> results = send("GET", "/api/v1/batches/" + id + "/results.zip", null);
        assertThat(results.headers().firstValue("Sello-Batch-Complete")).hasValue("true");
        assertThat(results.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"lote-" + id + ".zip\"");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(results.body()))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("0001-uno.pdf");
            assertThat(PdfDocument.of(zip.readAllBytes()).text()).contains("Capacitación en gestión pública");
            assertThat(zip.getNextEntry()).isNull();
        }
    }

    @Test
    void lengthsOverTheirColumnsAndTheServicesOwnPortAreRefusedWithPointers() throws Exception {
        String request = "{\"type\": \"poa-execution-form\", \"webhook\": \"http://localhost:" + port
                + "/actuator/health\", \"items\": [" + "{\"name\": \"" + "n".repeat(200)
                + "\", \"document\": {}}, {\"name\": \"" + "n".repeat(201) + "\", \"document\": {}}]}";
        HttpResponse<byte[]> refused = send("POST", "/api/v1/batches", request.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors).extracting(e -> e.get("pointer").stringValue()).containsExactly("/webhook", "/items/1/name");
        assertThat(errors.get(0).get("message").stringValue()).contains("not this service's own port");
        assertThat(errors.get(1).get("message").stringValue()).isEqualTo("expected at most 200 characters but got 201");

        String longHook = "{\"type\": \"poa-execution-form\", \"webhook\": \"http://localhost:9/" + "h".repeat(2000)
                + "\", \"items\": [{\"document\": {}}]}";
        HttpResponse<byte[]> tooLong = send("POST", "/api/v1/batches", longHook.getBytes(StandardCharsets.UTF_8));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body())
                        .get("errors")
                        .get(0)
                        .get("message")
                        .stringValue())
                .isEqualTo("expected at most 2000 characters but got 2019");
    }

    @Test
    void aBadBatchIsRefusedWholeWithPointers() throws Exception {
        HttpResponse<byte[]> refused = send(
                "POST",
                "/api/v1/batches",
                "{\"type\": \"nada\", \"webhook\": \"http://169.254.169.254/latest\", \"items\": []}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("errors"))
                .extracting(e -> e.get("pointer").stringValue())
                .containsExactly("/type", "/webhook", "/items");
    }

    /** A batch that does not exist is 404 not-found, as a document is, whether or not the id is well formed. */
    @Test
    void anUnknownBatchIsNotFound() throws Exception {
        for (String id : new String[] {"00000000-0000-0000-0000-000000000000", "not-an-id"}) {
            HttpResponse<byte[]> missing = send("GET", "/api/v1/batches/" + id, null);
            assertThat(missing.statusCode()).as(id).isEqualTo(404);
            JsonNode problem = JSON.readTree(missing.body());
            assertThat(problem.get("type").stringValue()).isEqualTo("/problems/not-found");
            assertThat(problem.get("title").stringValue()).isEqualTo("No such batch");
            assertThat(problem.get("detail").stringValue()).startsWith("no batch ");
        }
    }
}
