package io.sello.document;

import java.util.List;
import java.util.Objects;

/** A finished file, the download name derived from its data, and what was noticed on the way. */
public record RenderedDocument(byte[] content, OutputFormat format, String fileName, List<Warning> warnings) {
    public RenderedDocument {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(fileName, "fileName");
        if (!fileName.endsWith("." + format.extension())) {
            throw new IllegalArgumentException("file name " + fileName + " does not end in ." + format.extension());
        }
        warnings = List.copyOf(warnings);
    }

    public static RenderedDocument pdf(byte[] content, String fileName, List<Warning> warnings) {
        return new RenderedDocument(content, OutputFormat.PDF, fileName, warnings);
    }
}
