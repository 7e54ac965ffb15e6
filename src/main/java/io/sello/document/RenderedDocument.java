package io.sello.document;

import java.util.List;
import java.util.Objects;

/** A finished PDF, the download name derived from its data, and what was noticed on the way. */
public record RenderedDocument(byte[] pdf, String fileName, List<Warning> warnings) {
    public RenderedDocument {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(fileName, "fileName");
        warnings = List.copyOf(warnings);
    }
}
