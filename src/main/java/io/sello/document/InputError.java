package io.sello.document;

import java.util.Objects;

/**
 * One thing wrong with a request, located by a JSON pointer (RFC 6901) into the request body,
 * e.g. {@code /activities/3/budgetLines/1/programmed/tgn}.
 */
public record InputError(String pointer, String message) {
    public InputError {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }
}
