package io.sello.http;

/** The path names a document type the service does not have. */
public class UnknownDocumentTypeException extends RuntimeException {
    public UnknownDocumentTypeException(String type) {
        super("there is no document type \"" + (type.length() > 64 ? type.substring(0, 64) + "…" : type)
                + "\"; GET /api/v1/document-types lists them");
    }
}
