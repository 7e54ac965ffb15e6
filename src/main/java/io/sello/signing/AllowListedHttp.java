package io.sello.signing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one way revocation sources reach the network ({@code sello.signing.trust.allowed-hosts}, issue 16 point 2): an
 * uploaded certificate chooses its CRL and OCSP URLs, and the service must not be made to call whatever host an
 * attacker wrote there. Only http(s) URLs whose host is on the list, exactly; no redirects (they could lead
 * anywhere); short time-outs and a size cap, since even an allowed host answers into a request an anonymous caller
 * started.
 */
final class AllowListedHttp {
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final Set<String> hosts;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3))
            .build();

    AllowListedHttp(List<String> hosts) {
        this.hosts = Set.copyOf(hosts);
    }

    /** Only http(s) URLs whose host is on the list, exactly. */
    boolean allowed(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
    }

    /** The body of a 200 answer to a GET, or null (not allowed, another status, larger than {@link #MAX_BYTES}). */
    byte[] get(String url) throws IOException, InterruptedException {
        return allowed(url) ? send(HttpRequest.newBuilder(URI.create(url)).GET()) : null;
    }

    /** The body of a 200 answer to a POST of {@code body}, or null, as {@link #get}. */
    byte[] post(String url, String contentType, byte[] body) throws IOException, InterruptedException {
        return allowed(url)
                ? send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)))
                : null;
    }

    private byte[] send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response =
                http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                return null;
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            return bytes.length > MAX_BYTES ? null : bytes;
        }
    }
}
