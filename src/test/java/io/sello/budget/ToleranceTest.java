package io.sello.budget;

import io.sello.document.TotalMismatch;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.sello.budget.Budgets.reconcile;
import static org.assertj.core.api.Assertions.assertThat;

/** Which differences rounding explains (docs/budget-tables.md, "Reconciliation"). */
class ToleranceTest {

    private static String twoItems(String declaredTotal, boolean roundedInputs) {
        return """
                {"id": "t", "labelHeader": "Concepto", "roundedInputs": %s,
                 "columns": [{"key": "a", "header": "A", "currency": "CHF"}],
                 "rows": [{"label": "x", "values": {"a": 1}}, {"label": "y", "values": {"a": 1}},
                          {"total": "Total", "declared": {"a": %s}}]}
                """.formatted(roundedInputs, declaredTotal);
    }

    @Test
    void aMatchingFigureIsNoMismatch() {
        assertThat(reconcile(twoItems("2", true))).isEmpty();
    }

    @Test
    void twoRoundedFiguresMayAddUpOneUnitOff() {
        // 1.4 + 1.4 = 2.8, printed 1 + 1 = 3: the bound is 0.5 + 0.5 for the inputs and 0.5 for the declared figure.
        List<TotalMismatch> mismatches = reconcile(twoItems("3", true));
        assertThat(mismatches).singleElement().satisfies(m -> {
            assertThat(m.classification()).isEqualTo(TotalMismatch.Classification.ROUNDING);
            assertThat(m.tolerance()).isEqualByComparingTo("1.5");
            assertThat(m.difference()).isEqualByComparingTo("1");
        });
    }

    @Test
    void beyondTheBoundItIsAnError() {
        assertThat(reconcile(twoItems("4", true)))
                .singleElement()
                .satisfies(m -> assertThat(m.isError()).isTrue());
    }

    @Test
    void exactInputsForgiveNothing() {
        assertThat(reconcile(twoItems("3", false))).singleElement().satisfies(m -> {
            assertThat(m.isError()).isTrue();
            assertThat(m.tolerance()).isEqualByComparingTo("0");
        });
    }

    @Test
    void aConversionCarriesItsSourceBoundAtTheRateAndItsOwnRounding() {
        List<TotalMismatch> mismatches = reconcile("""
                {"id": "t", "labelHeader": "Concepto",
                 "columns": [{"key": "chf", "header": "CHF", "currency": "CHF"},
                             {"key": "usd", "header": "US$", "currency": "USD", "convert": {"from": "chf", "rate": {"base": "USD", "value": 1.123}}}],
                 "rows": [{"label": "one off", "values": {"chf": 50812}, "declared": {"usd": 45246}},
                          {"label": "two off", "values": {"chf": 50812}, "declared": {"usd": 45249}}]}
                """);
        // 50812 / 1.123 = 45246.66 → 45247; bound 0.5 / 1.123 + 0.5 (conversion) + 0.5 (declared) ≈ 1.445.
        assertThat(mismatches).hasSize(2);
        assertThat(mismatches.get(0).classification()).isEqualTo(TotalMismatch.Classification.ROUNDING);
        assertThat(mismatches.get(0).tolerance()).isBetween(new BigDecimal("1.445"), new BigDecimal("1.446"));
        assertThat(mismatches.get(1).isError()).isTrue();
    }

    @Test
    void centsAreForgivenOnlyHalfACentPerFigure() {
        // Seed 003 tourism budget: items in cents add up to 152,849.31 but the total is printed 152.849,00.
        List<TotalMismatch> mismatches = reconcile("""
                {"id": "t", "labelHeader": "Gastos", "numberStyle": "DOT_COMMA",
                 "columns": [{"key": "a", "header": "Agosto", "currency": "CHF", "decimals": 2}],
                 "rows": [{"label": "Jefe", "values": {"a": 58814.13}}, {"label": "Asistente", "values": {"a": 11030.18}},
                          {"total": "Total", "declared": {"a": 69844.00}}]}
                """);
        assertThat(mismatches).singleElement().satisfies(m -> {
            assertThat(m.isError()).isTrue();
            assertThat(m.tolerance()).isEqualByComparingTo("0.015");
            assertThat(m.difference()).isEqualByComparingTo("-0.31");
            assertThat(m.pointer()).isEqualTo("/rows/2/declared/a");
            assertThat(m.location()).isEqualTo(new TotalMismatch.Location("t", "Total", "Agosto"));
        });
    }
}
