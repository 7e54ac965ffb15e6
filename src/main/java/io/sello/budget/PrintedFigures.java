package io.sello.budget;

import com.fasterxml.jackson.annotation.JsonValue;

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

    /** The word clients write, which binding reads too. */
    @JsonValue
    public String wire() {
        return wire;
    }
}
