package io.sello.budget;

import io.sello.format.NumberStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static io.sello.budget.Budgets.amount;
import static io.sello.budget.Budgets.compute;
import static io.sello.budget.Budgets.figure;
import static org.assertj.core.api.Assertions.assertThat;

/** The budget engine's arithmetic: BigDecimal throughout, every rounding stated. */
class BudgetArithmeticTest {

    private static String conversion(String fromCurrency, String toCurrency, String rounding, String value) {
        return """
                {"id": "t", "labelHeader": "Concepto",
                 "columns": [
                   {"key": "src", "header": "Origen", "currency": "%s"},
                   {"key": "dst", "header": "Destino", "currency": "%s",
                    "convert": {"from": "src", "rate": {"base": "USD", "value": 1.123}, "rounding": "%s"}}],
                 "rows": [{"label": "a", "values": {"src": %s}}]}
                """.formatted(fromCurrency, toCurrency, rounding, value);
    }

    @ParameterizedTest(name = "CHF {0} at 1 US$ = 1.123 CHF is US$ {1}")
    @CsvSource({"10781, 9600", "1685, 1500", "28154, 25070", "674, 600", "1123, 1000", "-1123, -1000"})
    void chfIsDividedByARateBasedOnTheDollar(String chf, String usd) {
        assertThat(amount(compute(conversion("CHF", "USD", "HALF_UP", chf)), "a", "dst"))
                .isEqualByComparingTo(usd);
    }

    @ParameterizedTest(name = "US$ 1500 × 1.123 = 1684.5 rounds {0} to {1}")
    @CsvSource({"HALF_UP, 1685", "HALF_EVEN, 1684", "DOWN, 1684", "UP, 1685"})
    void dollarsAreMultipliedAndRoundedAsStated(String rounding, String chf) {
        assertThat(amount(compute(conversion("USD", "CHF", rounding, "1500")), "a", "dst"))
                .isEqualByComparingTo(chf);
    }

    @Test
    void decimalsAreExactNotBinary() {
        ComputedBudget computed = compute("""
                {"id": "t", "labelHeader": "Concepto",
                 "columns": [{"key": "a", "header": "A", "currency": "CHF", "decimals": 2},
                             {"key": "b", "header": "B", "currency": "CHF", "decimals": 2},
                             {"key": "s", "header": "S", "currency": "CHF", "decimals": 2, "formula": "a + b"}],
                 "rows": [{"label": "x", "values": {"a": 0.1, "b": 0.2}}, {"label": "y", "values": {"a": "58814.13", "b": 11030.18}},
                          {"total": "Total"}]}
                """);
        assertThat(amount(computed, "x", "s")).isEqualTo(new BigDecimal("0.3"));
        assertThat(amount(computed, "Total", "s")).isEqualByComparingTo("69844.61");
    }

    @Test
    void formulasFollowTheSubprojectSummary() {
        // Seed 003, subproject summary, AMPEX: 198,014 + 3,952 − 194,250 − 7,717 = −1 (printed "(0)").
        ComputedBudget computed = compute("""
                {"id": "t", "labelHeader": "Rubro",
                 "columns": [{"key": "usd", "header": "Total", "currency": "USD"},
                             {"key": "igv", "header": "IGV", "currency": "USD"},
                             {"key": "executed", "header": "Ejecutado", "currency": "USD"},
                             {"key": "august", "header": "Agosto", "currency": "USD"},
                             {"key": "available", "header": "Disponible", "currency": "USD", "formula": "usd + igv - executed - august"},
                             {"key": "requested", "header": "Solicitado", "currency": "USD"},
                             {"key": "additional", "header": "Adicional", "currency": "USD", "formula": "requested - available"}],
                 "rows": [{"label": "AMPEX", "values": {"usd": 198014, "igv": 3952, "executed": 194250, "august": 7717, "requested": 30200}},
                          {"label": "TULUM", "values": {"usd": 343040, "igv": "n.a.", "executed": "n.a.", "august": "n.a.", "requested": "n.a."}},
                          {"total": "Total"}]}
                """);
        assertThat(amount(computed, "AMPEX", "available")).isEqualByComparingTo("-1");
        assertThat(amount(computed, "AMPEX", "additional")).isEqualByComparingTo("30201");
        assertThat(figure(computed, "TULUM", "available").kind()).isEqualTo(BudgetCell.Kind.NOT_APPLICABLE);
        assertThat(figure(computed, "TULUM", "additional").kind()).isEqualTo(BudgetCell.Kind.NOT_APPLICABLE);
        // Totals leave n.a. out, as a reviewer adding the column does.
        assertThat(amount(computed, "Total", "usd")).isEqualByComparingTo("541054");
        assertThat(amount(computed, "Total", "available")).isEqualByComparingTo("-1");
    }

    @Test
    void groupsNestAndTotalsCountEachItemOnce() {
        // Seed 003, Cuadro 4 (Ampex): 5. Otros rubros over 5.1 Honorarios (itself a group) and 5.2–5.4.
        ComputedBudget computed = compute("""
                {"id": "t", "labelHeader": "Concepto",
                 "columns": [{"key": "chf", "header": "CHF", "currency": "CHF"}],
                 "rows": [{"label": "1. Alquiler", "values": {"chf": 1707}},
                          {"label": "5. Otros rubros", "group": true},
                          {"label": "5.1. Honorarios", "group": true, "level": 1},
                          {"label": "Coordinador", "level": 2, "values": {"chf": 2583}},
                          {"label": "Asistente", "level": 2, "values": {"chf": 2471}},
                          {"label": "5.2 Gestión", "level": 1, "values": {"chf": 1685}},
                          {"label": "5.3 Capacitación", "level": 1, "values": {"chf": 5615}},
                          {"label": "5.4 Contador", "level": 1, "values": {"chf": 1685}},
                          {"total": "Total"}]}
                """);
        assertThat(amount(computed, "5.1. Honorarios", "chf")).isEqualByComparingTo("5054");
        assertThat(amount(computed, "5. Otros rubros", "chf")).isEqualByComparingTo("14039");
        assertThat(amount(computed, "Total", "chf")).isEqualByComparingTo("15746");
    }

    @Test
    void subtotalsCloseTheSectionAndTheTotalAddsEveryItem() {
        // Seed 003, tourism budget: Total Gastos operativos, then a heading, then Total Apoyo a las OGDs.
        ComputedBudget computed = compute("""
                {"id": "t", "labelHeader": "Gastos operativos",
                 "columns": [{"key": "a", "header": "Agosto", "currency": "CHF", "decimals": 2},
                             {"key": "m", "header": "Modificación", "currency": "CHF", "decimals": 2},
                             {"key": "d", "header": "Diciembre", "currency": "CHF", "decimals": 2, "formula": "a + m"}],
                 "rows": [{"label": "Jefe de Proyecto", "values": {"a": 58814.13, "m": 0}},
                          {"label": "Auditoría", "values": {"a": 5000, "m": 0}},
                          {"subtotal": "Total Gastos operativos"},
                          {"heading": "Apoyo a OGDs"},
                          {"label": "Aportes", "values": {"a": 337990, "m": 65000}},
                          {"subtotal": "Total Apoyo a las OGDs"},
                          {"total": "Total (CHF)"}]}
                """);
        assertThat(amount(computed, "Total Gastos operativos", "a")).isEqualByComparingTo("63814.13");
        assertThat(amount(computed, "Total Apoyo a las OGDs", "m")).isEqualByComparingTo("65000");
        assertThat(amount(computed, "Total Apoyo a las OGDs", "d")).isEqualByComparingTo("402990");
        assertThat(amount(computed, "Total (CHF)", "d")).isEqualByComparingTo("466804.13");
    }

    @Test
    void dashesNotApplicableAndBlanksPrintAsTheySum() {
        ComputedBudget computed = compute("""
                {"id": "t", "labelHeader": "Proyecto",
                 "columns": [{"key": "a", "header": "A", "currency": "USD"}, {"key": "b", "header": "B", "currency": "USD"},
                             {"key": "c", "header": "C", "currency": "USD"}, {"key": "d", "header": "D", "currency": "USD"}],
                 "rows": [{"label": "x", "values": {"a": "-", "b": "n.a."}},
                          {"label": "y", "values": {"a": "-", "b": "n.a.", "d": 5}},
                          {"total": "TOTAL"}]}
                """);
        assertThat(figure(computed, "TOTAL", "a").kind()).isEqualTo(BudgetCell.Kind.DASH);
        assertThat(figure(computed, "TOTAL", "b").kind()).isEqualTo(BudgetCell.Kind.NOT_APPLICABLE);
        assertThat(figure(computed, "TOTAL", "c").kind()).isEqualTo(BudgetCell.Kind.BLANK);
        assertThat(amount(computed, "TOTAL", "d")).isEqualByComparingTo("5");
    }

    @ParameterizedTest(name = "{0} {1} with {2} decimals prints {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "APOSTROPHE_GROUPS_DOT_DECIMALS | 1422000 | 0 | 1'422'000",
                "APOSTROPHE_GROUPS_DOT_DECIMALS | -23940 | 0 | (23'940)",
                "DOT_GROUPS_COMMA_DECIMALS | 152849.31 | 2 | 152.849,31",
                "DOT_GROUPS_COMMA_DECIMALS | 0 | 2 | 0,00",
                "COMMA_GROUPS_DOT_DECIMALS | 1288584 | 0 | 1,288,584",
                "COMMA_GROUPS_DOT_DECIMALS | -9236 | 0 | (9,236)",
                "COMMA_GROUPS_DOT_DECIMALS | -0.5 | 2 | (0.50)"
            })
    void numberStylesOfTheSeed(NumberStyle style, BigDecimal value, int decimals, String printed) {
        assertThat(style.accounting(value, decimals)).isEqualTo(printed);
    }
}
