package io.sello.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code sello.batches.*}.
 *
 * @param webhookSecret the HMAC-SHA256 key of the {@code Sello-Signature} header of every webhook
 * @param webhookHosts  the only hosts webhooks are sent to: a client-given URL is otherwise a network
 *                      call driven by untrusted input
 * @param instanceName  recorded with each item this instance renders; default {@code pid@host}
 */
@ConfigurationProperties("sello.batches")
public record BatchProperties(String webhookSecret, List<String> webhookHosts, String instanceName) {
    public static final String DEVELOPMENT_SECRET = "dev-webhook-secret-not-for-production";

    public BatchProperties {
        webhookSecret = webhookSecret == null ? DEVELOPMENT_SECRET : webhookSecret;
        webhookHosts = webhookHosts == null ? List.of("localhost", "127.0.0.1") : List.copyOf(webhookHosts);
        instanceName = instanceName == null ? java.lang.management.ManagementFactory.getRuntimeMXBean().getName() : instanceName;
        if (webhookSecret.length() < 16) {
            throw new IllegalArgumentException("sello.batches.webhook-secret must have at least 16 characters");
        }
    }
}
