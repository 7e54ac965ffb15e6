package io.sello.batch;

/** No batch has the id asked for (404, problem type {@code not-found}, as for a document). */
public class BatchNotFoundException extends RuntimeException {
    public BatchNotFoundException(String message) {
        super(message);
    }
}
