package io.sello.document;

/**
 * Well-formed input that asks for more than this service renders in one document (422, not 400:
 * nothing is wrong with the JSON, only its size). {@code pointer} is where the limit was crossed.
 */
public class DocumentTooLargeException extends RuntimeException {
    private final String pointer;

    public DocumentTooLargeException(String pointer, String message) {
        super(pointer + ": " + message);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }

    public String detail() {
        return getMessage();
    }
}
