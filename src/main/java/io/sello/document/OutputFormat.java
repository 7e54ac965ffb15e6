package io.sello.document;

import java.util.Locale;
import java.util.Optional;

/** The file formats a document can be delivered in. Every type delivers PDF; tabular types add the others. */
public enum OutputFormat {
    PDF("application/pdf", "pdf", "PDF"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel (XLSX)"),
    CSV("text/csv", "csv", "CSV");

    private final String mediaType;
    private final String extension;
    private final String label;

    OutputFormat(String mediaType, String extension, String label) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.label = label;
    }

    /** The name staff read (issue 15: formats are shown as "PDF", "Excel (XLSX)" and "CSV", not media types). */
    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** By name as a client writes it in {@code ?format=}: {@code pdf}, {@code xlsx}, {@code csv}. */
    public static Optional<OutputFormat> named(String name) {
        for (OutputFormat format : values()) {
            if (format.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** By media type, ignoring parameters such as {@code charset}. */
    public static Optional<OutputFormat> ofMediaType(String mediaType) {
        String bare = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (OutputFormat format : values()) {
            if (format.mediaType.equals(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
