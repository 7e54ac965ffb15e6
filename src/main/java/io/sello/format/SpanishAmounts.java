package io.sello.format;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Amounts in figures and in Spanish words, in the legal form of cooperation agreements (seed 003):
 * {@code US$ 83,290.00 (ochenta y tres mil doscientos noventa y 00/100 Dólares americanos)}.
 * The words come from ICU's Spanish spell-out rules, not from a hand-written table.
 */
public final class SpanishAmounts {
    private static final BigInteger MAX = new BigInteger("999999999999999");
    /** RuleBasedNumberFormat is not thread-safe; building one costs more than a render line. */
    private static final ThreadLocal<RuleBasedNumberFormat> SPELLOUT =
            ThreadLocal.withInitial(() -> new RuleBasedNumberFormat(new ULocale("es"), RuleBasedNumberFormat.SPELLOUT));

    private SpanishAmounts() {}

    /** The whole units in words: 83290 → "ochenta y tres mil doscientos noventa"; 1000000 → "un millón". */
    public static String words(BigInteger units) {
        if (units.signum() < 0 || units.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("amount in words needs 0 ≤ units ≤ " + MAX);
        }
        return SPELLOUT.get().format(units.longValueExact(), "%spellout-numbering");
    }

    /** "ochenta y tres mil doscientos noventa y 00/100 Dólares americanos". */
    public static String inWords(BigDecimal amount, Currency currency) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.UNNECESSARY);
        BigInteger units = rounded.toBigInteger();
        int cents = rounded.subtract(new BigDecimal(units)).movePointRight(2).intValueExact();
        return words(units) + " y " + String.format("%02d", cents) + "/100 " + currency.spanishName();
    }

    /** "US$ 83,290.00 (ochenta y tres mil doscientos noventa y 00/100 Dólares americanos)". */
    public static String legal(BigDecimal amount, Currency currency, NumberStyle style) {
        return currency.symbol() + " " + style.format(amount) + " (" + inWords(amount, currency) + ")";
    }
}
