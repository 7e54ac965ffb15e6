package io.sello.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How a document prints amounts. The style belongs to the document, not to the server's locale:
 * Formulario N.5.B prints {@code 1,237,022.00} although it is a Spanish-language form.
 */
public enum NumberStyle {
    /** {@code 1,237,022.00}: Formulario N.5.B (seed 000). */
    COMMA_GROUPS_DOT_DECIMALS(',', '.');

    private final char groupingSeparator;
    private final char decimalSeparator;

    NumberStyle(char groupingSeparator, char decimalSeparator) {
        this.groupingSeparator = groupingSeparator;
        this.decimalSeparator = decimalSeparator;
    }

    /** Two decimals, half-up: the rounding rule of the Bolivian budget forms. */
    public String format(BigDecimal value) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(groupingSeparator);
        symbols.setDecimalSeparator(decimalSeparator);
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
