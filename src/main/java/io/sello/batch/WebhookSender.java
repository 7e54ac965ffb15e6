package io.sello.batch;

import io.sello.storage.BatchStore;
import io.sello.storage.BatchStore.ItemStatus;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells a client its batch is finished. The body is signed: {@code Sello-Signature: sha256=<hex of
 * HMAC-SHA256(secret, body)>}. Anything but a 2xx throws, and JobRunr retries with exponential backoff.
 */
class WebhookSender {
    /** Thread-safe once built; building one per delivery cost more than the delivery's JSON (issue 18, point 4). */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String SIGNATURE_HEADER = "Sello-Signature";
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final BatchProperties properties;

    public WebhookSender(BatchProperties properties) {
        this.properties = properties;
    }

    public void deliver(BatchStore.Batch batch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", batch.id());
        body.put("type", batch.type());
        body.put("total", batch.total());
        body.put("done", batch.count(ItemStatus.DONE));
        body.put("failed", batch.count(ItemStatus.FAILED));
        body.put("status", "/api/v1/batches/" + batch.id());
        body.put("results", "/api/v1/batches/" + batch.id() + "/results.zip");
        byte[] json = JSON.writeValueAsBytes(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(batch.webhookUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "sha256=" + sign(json))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        int status;
        try {
            status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("webhook of batch " + batch.id() + " not delivered: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        if (status / 100 != 2) {
            throw new IllegalStateException(
                    "webhook of batch " + batch.id() + " answered " + status + "; it will be retried");
        }
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
    }
}
