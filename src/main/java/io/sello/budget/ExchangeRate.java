package io.sello.budget;

import io.sello.format.Currency;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * "1 {@code base} = {@code value} of the other currency", the way seed 003 states its rates:
 * "1 US$ = 1,05 CHF", "1.123 CHF por US$", "1.25 CHF/USD" (all with {@code base} USD).
 */
record ExchangeRate(Currency base, BigDecimal value) {
    /** Division by a rate such as 1.123 has no finite decimal form; 34 digits keep it far below a cent. */
    static final MathContext PRECISION = MathContext.DECIMAL128;

    public ExchangeRate {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("an exchange rate must be positive");
        }
    }

    /** What one unit of {@code from} is worth in {@code to}: {@code value} or its inverse. */
    BigDecimal factor(Currency from, Currency to) {
        if (from == base && to != base) {
            return value;
        }
        if (to == base && from != base) {
            return BigDecimal.ONE.divide(value, PRECISION);
        }
        throw new IllegalArgumentException("a rate based on " + base + " cannot convert " + from + " to " + to);
    }

    /** Converts exactly; the caller rounds to what its column prints. */
    BigDecimal convert(BigDecimal amount, Currency from, Currency to) {
        if (from == base) {
            return amount.multiply(value);
        }
        factor(from, to); // checks the pair
        return amount.divide(value, PRECISION);
    }

    @Override
    public String toString() {
        return "1 " + base + " = " + value.toPlainString();
    }
}
