package io.sello.format;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount stated in an agreement: figures and currency; the words are always derived from it. */
public record MoneyAmount(BigDecimal amount, Currency currency) {
    public MoneyAmount {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0 || amount.scale() != 2) {
            throw new IllegalArgumentException("amount must be non-negative with scale 2");
        }
    }
}
