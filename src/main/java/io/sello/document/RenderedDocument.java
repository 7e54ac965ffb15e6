package io.sello.document;

import java.util.List;
import java.util.Objects;

/**
 * A finished file, the download name derived from its data, and what was noticed on the way.
 *
 * @param signatureSlots where each sign-off step signs, for documents with a signature block
 */
public record RenderedDocument(
        byte[] content,
        OutputFormat format,
        String fileName,
        List<Warning> warnings,
        List<SignatureSlot> signatureSlots) {
    public RenderedDocument(byte[] content, OutputFormat format, String fileName, List<Warning> warnings) {
        this(content, format, fileName, warnings, List.of());
    }

    public RenderedDocument {
        signatureSlots = List.copyOf(signatureSlots);
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
