package io.sello.form;

import io.sello.document.InputError;
import io.sello.input.JsonPointers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The largest figures Formulario N.5.B prints in full, and the check that the computed ones stay
 * within them.
 *
 * <p>The form keeps the layout of seed 000 (Letter landscape, amount columns (9)–(12) 54–60 pt wide,
 * (13) 42 pt): widening them would squeeze the text columns the official form gives its activities.
 * Instead every amount and percentage cell shrinks its font to fit ({@code textAdjust="ScaleFont"} in
 * the JRXML), and these maxima are what still fits at 5 pt, the smallest size we accept as legible:
 * {@code 999,999,999,999.99} in bold DejaVu Sans Condensed is 50.7 pt wide at 5 pt, inside the
 * narrowest amount cell (54 pt less 2 pt of padding), and {@code 99,999,999.99} is 36.4 pt wide, inside
 * the 40 pt of column (13). Under a trillion bolivianos is far above any budget line or form of the
 * Bolivian state (its whole general budget is in the hundreds of billions).
 *
 * <p>The JSON Schema ({@code $defs/money}, {@code $defs/percent}: its maximum and its string pattern) refuses
 * inputs over these maxima (400). The totals are sums, and a form may have 15,000 activities: a
 * computed figure over its maximum is refused with 422 ({@link #unprintable}), never printed cut off.
 */
final class PrintableFigures {
    /** Columns (9)–(12), the TOTAL lines, TOTAL PARCIAL and TOTAL GENERAL. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    /** Columns (8) and (13). */
    static final BigDecimal MAX_PERCENT = new BigDecimal("99999999.99");

    /** Enough to act on: 15,000 activities over the limit would otherwise list 90,000 errors. */
    static final int MAX_ERRORS = 100;

    private final List<InputError> errors = new ArrayList<>();

    private PrintableFigures() {}

    /**
     * Every computed figure that the form cannot print in full, named by the pointer a client
     * would declare it at (as {@link DeclaredTotalsCheck} names mismatches); empty when all fit.
     */
    static List<InputError> unprintable(ComputedForm computed) {
        PrintableFigures check = new PrintableFigures();
        for (int i = 0; i < computed.activities().size(); i++) {
            ComputedActivity activity = computed.activities().get(i);
            String pointer = JsonPointers.child(JsonPointers.child("/activities", i), "declaredTotal");
            String what = "TOTAL of activity " + activity.activity().code().value();
            check.split(pointer + "/programmed", what + ", programmed", activity.programmed());
            check.split(pointer + "/executed", what + ", executed", activity.executed());
            check.percent(
                    pointer + "/executionPercent",
                    "% ejecución (13) of activity " + activity.activity().code().value(),
                    activity.executionPercent());
        }
        check.split("/declaredTotals/partial/programmed", "TOTAL PARCIAL, programmed", computed.partialProgrammed());
        check.split("/declaredTotals/partial/executed", "TOTAL PARCIAL, executed", computed.partialExecuted());
        check.amount("/declaredTotals/general/programmed", "TOTAL GENERAL, programmed", computed.generalProgrammed());
        check.amount("/declaredTotals/general/executed", "TOTAL GENERAL, executed", computed.generalExecuted());
        check.percent(
                "/declaredTotals/general/executionPercent",
                "% ejecución (13) of TOTAL PARCIAL and TOTAL GENERAL",
                computed.executionPercent());
        return List.copyOf(check.errors);
    }

    private void split(String pointer, String what, SourceAmounts amounts) {
        amount(pointer + "/tgn", what + " T.G.N.", amounts.tgn());
        amount(pointer + "/otherSources", what + " OTRAS FUENTES", amounts.otherSources());
    }

    private void amount(String pointer, String what, BigDecimal value) {
        over(pointer, what, value, MAX_AMOUNT);
    }

    private void percent(String pointer, String what, Optional<BigDecimal> value) {
        value.ifPresent(percent -> over(pointer, what, percent, MAX_PERCENT));
    }

    private void over(String pointer, String what, BigDecimal value, BigDecimal maximum) {
        if (value.compareTo(maximum) > 0 && errors.size() < MAX_ERRORS) {
            errors.add(new InputError(
                    pointer,
                    what + " adds up to " + PoaFormLayout.money(value)
                            + ", more than " + PoaFormLayout.money(maximum)
                            + ", the largest figure Formulario N.5.B prints in full in its cell"));
        }
    }
}
