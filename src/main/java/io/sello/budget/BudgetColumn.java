package io.sello.budget;

import io.sello.format.Currency;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One amount column of a budget table.
 *
 * @param group    a header printed above consecutive columns sharing it, or {@code null}
 * @param year     the year the column covers, or {@code null}
 * @param period   the period it covers, as printed ({@code Sep - Dic 2008}), or {@code null}
 * @param decimals what the column prints: 0 or 2
 * @param hidden   used for computing, not printed
 */
record BudgetColumn(
        String key,
        String header,
        String group,
        Currency currency,
        Integer year,
        String period,
        int decimals,
        boolean hidden,
        Computation computation) {
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public BudgetColumn {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(computation, "computation");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("column key " + key + " is not " + KEY);
        }
        if (decimals != 0 && decimals != 2) {
            throw new IllegalArgumentException("a column prints 0 or 2 decimals");
        }
    }

    public boolean isInput() {
        return computation instanceof Computation.Input;
    }
}
