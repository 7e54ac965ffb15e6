package io.sello.rendering.html;

import io.sello.rendering.TemplateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The only resources a document may load: files under {@code report-templates/}, addressed as
 * {@code sello-template:/<template>/<file>}, and inline {@code data:} URIs. Everything else
 * ({@code file:}, {@code http(s):}, {@code jar:}, {@code classpath:}, a path climbing out with
 * {@code ..}) is refused and logged, so that neither a template nor data that slipped into one can
 * read local files or reach the network.
 */
final class TemplateResources {
    static final String SCHEME = "sello-template";
    private static final String ROOT = "report-templates";
    private static final Logger log = LoggerFactory.getLogger(TemplateResources.class);

    private TemplateResources() {}

    static String baseOf(String template) {
        return SCHEME + ":/" + template + "/";
    }

    /** The absolute form of {@code uri} against {@code base}, or {@code null} when it is refused. */
    static String resolve(String base, String uri) {
        if (uri == null) {
            return null;
        }
        if (uri.regionMatches(true, 0, "data:", 0, 5)) {
            return uri;
        }
        try {
            URI resolved = new URI(base).resolve(new URI(uri.strip())).normalize();
            if (allowed(resolved)) {
                return resolved.toString();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // fall through: refused
        }
        refuse(uri);
        return null;
    }

    /** Opens a resolved template resource; any other URI is refused with an IOException. */
    static InputStream open(String uri) throws IOException {
        if (uri == null) {
            throw new IOException("resource refused"); // already logged when it was resolved
        }
        try {
            URI parsed = new URI(uri);
            if (allowed(parsed)) {
                // a document rendered again with a kept version reads that version's CSS, never today's (issue 18)
                Optional<TemplateFiles> kept = TemplateFiles.active();
                if (kept.isPresent()) {
                    byte[] bytes = kept.get().bytesOf(ROOT + parsed.getPath());
                    if (bytes == null) {
                        throw new IOException("template resource not found: " + parsed.getPath());
                    }
                    return new ByteArrayInputStream(bytes);
                }
                InputStream in = TemplateResources.class.getClassLoader().getResourceAsStream(ROOT + parsed.getPath());
                if (in != null) {
                    return in;
                }
                throw new IOException("template resource not found: " + parsed.getPath());
            }
        } catch (URISyntaxException e) {
            // fall through: refused
        }
        refuse(uri);
        throw new IOException("resource refused");
    }

    private static boolean allowed(URI uri) {
        String path = uri.getPath();
        return SCHEME.equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                && uri.getHost() == null
                && uri.getRawQuery() == null
                && path != null
                && path.startsWith("/")
                && !path.contains("..")
                && !path.contains("\\");
    }

    private static void refuse(String uri) {
        String shown = uri == null ? "null" : uri.length() > 200 ? uri.substring(0, 200) + "…" : uri;
        log.warn("refused to load resource {}", shown.replaceAll("\\p{Cntrl}", "?"));
    }
}
