package io.sello.document;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Download names built from client data. Only ASCII letters, digits, dot, dash and underscore
 * survive: no path separators, quotes, control or bidi characters can reach a
 * {@code Content-Disposition} header or a reviewer's file system.
 */
public final class SafeFileName {
    private static final int MAX_BASE_LENGTH = 120;

    private SafeFileName() {}

    public static String of(String extension, String... parts) {
        StringBuilder base = new StringBuilder();
        for (String part : parts) {
            String clean = Normalizer.normalize(part == null ? "" : part, Normalizer.Form.NFKD)
                    .replaceAll("\\p{M}", "")
                    .replaceAll("[^A-Za-z0-9.]+", "-")
                    .replaceAll("\\.{2,}", ".")
                    .replaceAll("^[-.]+|[-.]+$", "");
            if (!clean.isEmpty()) {
                base.append(base.length() == 0 ? "" : "_").append(clean);
            }
        }
        String name = base.length() == 0 ? "document" : base.toString();
        if (name.length() > MAX_BASE_LENGTH) {
            name = name.substring(0, MAX_BASE_LENGTH);
        }
        return name + "." + extension.toLowerCase(Locale.ROOT);
    }
}
