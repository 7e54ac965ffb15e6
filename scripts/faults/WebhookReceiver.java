import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A batch webhook receiver for scripts/fault-kill-batch.sh, JDK only:
 * {@code java scripts/faults/WebhookReceiver.java <port> <out-dir> <max-seconds>}.
 * Listens on 127.0.0.1 only. Each POST is answered 204 and kept as {@code <out-dir>/delivery-<n>.json}, and
 * a line {@code <n> valid|invalid} goes to {@code <out-dir>/deliveries.txt}: valid when its Sello-Signature
 * is the HMAC-SHA256 of the body with the secret in SELLO_WEBHOOK_SECRET. Exits by itself after
 * max-seconds, so a script that dies without its trap leaves nothing listening for long.
 */
public class WebhookReceiver {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long maxSeconds = Long.parseLong(args[2]);
        byte[] secret = System.getenv().getOrDefault("SELLO_WEBHOOK_SECRET", "").getBytes(StandardCharsets.UTF_8);
        AtomicInteger count = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body = exchange.getRequestBody().readAllBytes();
                String signature = exchange.getRequestHeaders().getFirst("Sello-Signature");
                boolean valid = secret.length > 0 && ("sha256=" + hmac(secret, body)).equals(signature);
                synchronized (WebhookReceiver.class) {
                    int n = count.incrementAndGet();
                    Files.write(out.resolve("delivery-" + n + ".json"), body);
                    Files.writeString(out.resolve("deliveries.txt"), n + " " + (valid ? "valid" : "invalid") + "\n",
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                exchange.sendResponseHeaders(204, -1);
            } catch (IOException e) {
                System.err.println("webhook receiver: " + e);
            }
        });
        server.start();
        System.out.println("webhook receiver on 127.0.0.1:" + port);
        Thread.sleep(maxSeconds * 1000);
        server.stop(0);
    }

    private static String hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
