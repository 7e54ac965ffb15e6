package io.sello.rendering;

import java.util.List;
import java.util.Objects;

/** PDF bytes and the named rectangles the template marked ({@link Anchor}). */
public record RenderedPdf(byte[] pdf, List<Anchor> anchors) {
    public RenderedPdf {
        Objects.requireNonNull(pdf, "pdf");
        anchors = List.copyOf(anchors);
    }
}
