package io.sello.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code sello.batches.*}, checked at start-up: a bad value stops the service with a message naming the key.
 *
 * @param webhookSecret         the HMAC-SHA256 key of the {@code Sello-Signature} header of every webhook
 * @param webhookHosts          the only hosts webhooks are sent to: a client-given URL is otherwise a network
 *                              call driven by untrusted input. Unset means the development default (loopback
 *                              only), which the prod profile refuses: it needs an explicit list (empty for none)
 * @param allowLoopbackWebhooks lets the prod profile start with a loopback host in {@code webhook-hosts}
 *                              (a receiver on the same machine); off by default, because a webhook to
 *                              loopback reaches whatever else listens there (issue 14: a port scanner)
 * @param instanceName          recorded with each item this instance renders and shown in the batch status;
 *                              a name, never the host or process id (issue 14: they leaked to every client)
 * @param renderTimeout         the longest one item may render; unset means the interactive
 *                              {@code sello.limits.render-timeout}, so a batch cannot do what a request may not
 */
@ConfigurationProperties("sello.batches")
public record BatchProperties(
        String webhookSecret,
        List<String> webhookHosts,
        Boolean allowLoopbackWebhooks,
        String instanceName,
        Duration renderTimeout) {
    public static final String DEVELOPMENT_SECRET = "dev-webhook-secret-not-for-production";
    static final List<String> DEVELOPMENT_HOSTS = List.of("localhost", "127.0.0.1");
    static final String DEFAULT_INSTANCE_NAME = "sello-1";
    /** Letters, digits, dot, dash, underscore: it is shown to clients and stored in {@code batch_items.worker}. */
    private static final Pattern INSTANCE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public BatchProperties {
        webhookSecret = webhookSecret == null ? DEVELOPMENT_SECRET : webhookSecret;
        webhookHosts = webhookHosts == null
                ? null
                : webhookHosts.stream()
                        .map(String::trim)
                        .filter(h -> !h.isEmpty())
                        .toList();
        allowLoopbackWebhooks = allowLoopbackWebhooks != null && allowLoopbackWebhooks;
        instanceName = instanceName == null ? DEFAULT_INSTANCE_NAME : instanceName;
        if (webhookSecret.length() < 16) {
            throw new IllegalArgumentException("sello.batches.webhook-secret must have at least 16 characters");
        }
        if (!INSTANCE_NAME.matcher(instanceName).matches()) {
            throw new IllegalArgumentException(
                    "sello.batches.instance-name must be 1 to 64 letters, digits, '.', '-' or '_' but is \""
                            + instanceName + "\"");
        }
        if (renderTimeout != null && (renderTimeout.isNegative() || renderTimeout.isZero())) {
            throw new IllegalArgumentException("sello.batches.render-timeout must be positive but is " + renderTimeout);
        }
    }

    /** The hosts webhooks may go to: the configured list, or loopback in development. */
    public List<String> allowedHosts() {
        return webhookHosts == null ? DEVELOPMENT_HOSTS : webhookHosts;
    }

    /** {@link #renderTimeout}, or the interactive one when unset. */
    public Duration renderTimeout(Duration interactive) {
        return renderTimeout == null ? interactive : renderTimeout;
    }

    /**
     * What the prod profile refuses about webhooks, or null: no explicit allow-list, or loopback in it
     * without {@code sello.batches.allow-loopback-webhooks=true}.
     */
    public String productionRefusal() {
        if (webhookHosts == null) {
            return "the prod profile requires an explicit sello.batches.webhook-hosts (the hosts batch webhooks may go to; "
                    + "set it empty to refuse every webhook)";
        }
        List<String> loopback =
                webhookHosts.stream().filter(BatchProperties::isLoopback).toList();
        if (!loopback.isEmpty() && !allowLoopbackWebhooks) {
            return "the prod profile refuses loopback hosts " + loopback + " in sello.batches.webhook-hosts unless "
                    + "sello.batches.allow-loopback-webhooks=true";
        }
        return null;
    }

    /**
     * Loopback or this-host wildcard, however spelled: {@code localhost} and its subdomains, 127/8, ::1,
     * 0.0.0.0, ::, IPv4-mapped forms, and any name that resolves to one of them now.
     */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(name)) {
                if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException | SecurityException unresolved) {
            // a name that does not resolve now reaches nothing now; the delivery checks again
            return false;
        }
    }
}
