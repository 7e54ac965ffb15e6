package io.sello.signoff;

/**
 * No stored document has the id asked for (404, problem type {@code not-found}). Not a {@link SignOffRefused}: a
 * missing document is not a refused sign-off, and reads that never sign (verification, downloads) throw it too.
 */
public class DocumentNotFoundException extends RuntimeException {
    public DocumentNotFoundException(String message) {
        super(message);
    }
}
