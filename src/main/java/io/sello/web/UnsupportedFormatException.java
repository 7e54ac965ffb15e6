package io.sello.web;

import io.sello.document.DocumentType;
import io.sello.document.OutputFormat;

import java.util.Arrays;

/** The client asked for a file format the document type does not deliver (406). */
class UnsupportedFormatException extends RuntimeException {
    UnsupportedFormatException(DocumentType type, String where, String asked) {
        super(where + ": " + type.id().value() + " is delivered as "
                + Arrays.stream(OutputFormat.values())
                        .filter(type.formats()::contains)
                        .map(f -> f.extension() + " (" + f.mediaType() + ")")
                        .toList()
                + " but the request asked for " + asked);
    }
}
