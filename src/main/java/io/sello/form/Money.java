package io.sello.form;

import java.math.BigDecimal;

/** Invariant checks shared by the money-carrying records of this form. */
final class Money {
    private Money() {}

    /** Bolivianos with centavos: non-null, non-negative, scale 2. */
    static BigDecimal amount(BigDecimal value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        if (value.scale() != 2) {
            throw new IllegalArgumentException(name + " must have scale 2");
        }
        return value;
    }
}
