package io.sello.budget;

import com.fasterxml.jackson.annotation.JsonValue;
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

    /** The word clients write, which binding reads too. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * {@code "figures"} of a request's root object for the hand-written readers of the plan and the amendment; the
     * default when absent, {@code null} when it is not one of the listed words, which the published schema then reports
     * (its {@code enum}) in the words every type uses.
     */
    public static PrintedFigures read(JsonObject root) {
        if (!root.has(FIELD)) {
            return DECLARED_WITHIN_ROUNDING;
        }
        for (PrintedFigures value : values()) {
            if (root.isString(FIELD) && value.wire.equals(root.text(FIELD, JsonObject.Presence.REQUIRED))) {
                return value;
            }
        }
        return null;
    }
}
