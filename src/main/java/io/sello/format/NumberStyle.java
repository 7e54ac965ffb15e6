package io.sello.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How a document prints amounts. The style belongs to the document, not to the server's locale:
 * Formulario N.5.B prints {@code 1,237,022.00} although it is a Spanish-language form, and seed 003
 * uses three styles in one annex.
 */
public enum NumberStyle {
    /** {@code 1,237,022.00}: Formulario N.5.B (seed 000), the budget tables of seed 003. */
    COMMA_GROUPS_DOT_DECIMALS(',', '.'),
    /** {@code 152.849,00}: the tourism operating budget of seed 003. */
    DOT_GROUPS_COMMA_DECIMALS('.', ','),
    /** {@code 1'422'000}: Cuadro 1 of seed 003, the Swiss way. */
    APOSTROPHE_GROUPS_DOT_DECIMALS('\'', '.');

    private final char groupingSeparator;
    private final char decimalSeparator;

    NumberStyle(char groupingSeparator, char decimalSeparator) {
        this.groupingSeparator = groupingSeparator;
        this.decimalSeparator = decimalSeparator;
    }

    /** Two decimals, half-up: the rounding rule of the Bolivian budget forms. */
    public String format(BigDecimal value) {
        return formatter(2).format(value);
    }

    /**
     * As budget tables print: {@code decimals} decimals (the value is already rounded by the
     * computation), negative amounts in parentheses as accountants write them ({@code (23'940)}).
     */
    public String accounting(BigDecimal value, int decimals) {
        String digits = formatter(decimals).format(value.abs());
        return value.signum() < 0 ? "(" + digits + ")" : digits;
    }

    /**
     * A DecimalFormat is not thread-safe and costs microseconds to build: validate formats every figure of a form
     * (issue 15, 218 for seed 000), so each thread keeps one per style and number of decimals.
     */
    private final ThreadLocal<DecimalFormat[]> formats = ThreadLocal.withInitial(() -> new DecimalFormat[3]);

    private DecimalFormat formatter(int decimals) {
        DecimalFormat[] cached = formats.get();
        if (decimals < cached.length) {
            if (cached[decimals] == null) {
                cached[decimals] = newFormatter(decimals);
            }
            return cached[decimals];
        }
        return newFormatter(decimals);
    }

    private DecimalFormat newFormatter(int decimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(groupingSeparator);
        symbols.setDecimalSeparator(decimalSeparator);
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
