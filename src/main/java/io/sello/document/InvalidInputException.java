package io.sello.document;

import java.util.List;

/** The request cannot be turned into a document; every error found is listed, not just the first. */
public class InvalidInputException extends RuntimeException {
    private final transient List<InputError> errors;

    public InvalidInputException(List<InputError> errors) {
        super(
                errors.isEmpty()
                        ? "invalid input"
                        : errors.get(0).pointer() + ": " + errors.get(0).message());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input has at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException at(String pointer, String message) {
        return new InvalidInputException(List.of(new InputError(pointer, message)));
    }

    public List<InputError> errors() {
        return errors;
    }
}
