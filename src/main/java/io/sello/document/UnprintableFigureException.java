package io.sello.document;

import java.util.List;

/**
 * Well-formed input whose document would print a figure it cannot show in full: a computed total
 * grew past the largest amount its cell holds (422, not 400: every figure sent was within the
 * contract, their sum is not). Each error's pointer names the figure, as a declared total would
 * (e.g. {@code /declaredTotals/general/programmed}); the document is refused, never printed cut off.
 */
public class UnprintableFigureException extends RuntimeException {
    private final transient List<InputError> errors;

    public UnprintableFigureException(List<InputError> errors) {
        super(
                errors.isEmpty()
                        ? "unprintable figure"
                        : errors.get(0).pointer() + ": " + errors.get(0).message());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("at least one figure is unprintable");
        }
        this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
        return errors;
    }
}
