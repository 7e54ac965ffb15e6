package io.sello.document;

/**
 * @param lenient render even when declared totals disagree with the computed ones; each
 *                disagreement then comes back as a {@code total-mismatch} warning
 */
public record RenderOptions(boolean lenient) {
    public static final RenderOptions STRICT = new RenderOptions(false);
    public static final RenderOptions LENIENT = new RenderOptions(true);
}
