package io.sello.budget;

import io.sello.input.JsonObject;

/**
 * Which figure a budget cell prints when the client declared one that differs from the computed one
 * by rounding alone (issue 13: the printout must agree with the signed paper it reproduces). Chosen
 * per request by the top-level field {@code "figures"} of every document type that prints budget tables.
 */
public enum PrintedFigures {
    /** The declared figure, where the reconciliation classes the difference as rounding; the default. */
    DECLARED_WITHIN_ROUNDING("declared-within-rounding"),
    /** Always the computed figure. */
    COMPUTED("computed");

    public static final String FIELD = "figures";

    private final String wire;

    PrintedFigures(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Reads {@code "figures"} of a request's root object; the default when absent, {@code null} with an error when not listed. */
    public static PrintedFigures read(JsonObject root) {
        return Choice.read(root, FIELD, values(), PrintedFigures::wire, DECLARED_WITHIN_ROUNDING);
    }
}
