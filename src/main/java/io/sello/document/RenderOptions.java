package io.sello.document;

import java.util.Objects;

/**
 * @param lenient render even when declared figures disagree with the computed ones; each
 *                disagreement then comes back as a {@code total-mismatch} warning
 * @param format  the file format wanted; a type refuses one it does not deliver
 */
public record RenderOptions(boolean lenient, OutputFormat format) {
    public static final RenderOptions STRICT = new RenderOptions(false, OutputFormat.PDF);
    public static final RenderOptions LENIENT = new RenderOptions(true, OutputFormat.PDF);

    public RenderOptions {
        Objects.requireNonNull(format, "format");
    }

    public RenderOptions as(OutputFormat other) {
        return new RenderOptions(lenient, other);
    }
}
