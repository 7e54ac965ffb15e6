package io.sello.budget;

import io.sello.document.TotalMismatch;
import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which figure each cell prints (issue 13, points 1 and 2): the declared one within rounding or the
 * computed one, in per-cell or display rounding, with seed 003's own figures.
 */
class PrintedFiguresTest {
    /** Three items of the tourism budget of seed 003, CHF converted at 1 US$ = 1,05 CHF. */
    private static String tourism(String rounding, String declaredTotal) {
        return """
                {"id": "t", "labelHeader": "Gastos operativos", %s
                 "columns": [{"key": "chf", "header": "CHF", "currency": "CHF", "hidden": true},
                             {"key": "usd", "header": "US$", "currency": "USD", "convert": {"from": "chf", "rate": {"base": "USD", "value": 1.05}}}],
                 "rows": [{"label": "Equipamiento de oficina (1)", "values": {"chf": 2825}},
                          {"label": "Local staff - gastos viajes", "values": {"chf": 6500}},
                          {"label": "Viajes locales de jefe de proyecto", "values": {"chf": 7425}},
                          {"total": "Total", "declared": {"usd": %s}}]}
                """.formatted(rounding == null ? "" : "\"rounding\": \"" + rounding + "\",", declaredTotal);
    }

    private static PrintedBudget printed(String json, PrintedFigures figures) {
        return ReconciledBudgets.of(Map.of("", Budgets.table(json)), figures).printed("");
    }

    private static ReconciledBudgets seed(String file, PrintedFigures figures) throws IOException {
        BudgetSummary summary = Budgets.summary(Files.readAllBytes(Path.of("examples/budget-summary", file)));
        Map<String, BudgetTable> tables = new LinkedHashMap<>();
        for (int i = 0; i < summary.tables().size(); i++) {
            tables.put(BudgetSummary.pointer(i), summary.tables().get(i));
        }
        return ReconciledBudgets.of(tables, figures);
    }

    private static int row(BudgetTable table, String label) {
        for (int r = 0; r < table.rows().size(); r++) {
            if (table.rows().get(r).label().equals(label)) {
                return r;
            }
        }
        throw new AssertionError("no row " + label);
    }

    @SuppressWarnings("unchecked")
    private static List<String> cells(Map<String, Object> laid, int row) {
        return (List<String>)
                ((List<Map<String, Object>>) laid.get("rows")).get(row).get("cells");
    }

    @Test
    void displayRoundingKeepsFullPrecisionAndAddsUnroundedValues() {
        ComputedBudget perCell = Budgets.compute(tourism(null, "15951"));
        ComputedBudget display = Budgets.compute(tourism("display", "15952"));
        // 2825 / 1.05 = 2690.476…: per cell 2690 at once; in display rounding kept, and printed 2,690.
        assertThat(Budgets.amount(perCell, "Equipamiento de oficina (1)", "usd"))
                .isEqualByComparingTo("2690");
        assertThat(Budgets.amount(display, "Equipamiento de oficina (1)", "usd"))
                .isBetween(new BigDecimal("2690.476190"), new BigDecimal("2690.476191"));
        assertThat(display.shown(0, 1)).isEqualByComparingTo("2690");
        // 2690 + 6190 + 7071 = 15951; 2690.48 + 6190.48 + 7071.43 = 15952.38, printed 15,952.
        assertThat(Budgets.amount(perCell, "Total", "usd")).isEqualByComparingTo("15951");
        assertThat(display.shown(3, 1)).isEqualByComparingTo("15952");
        assertThat(perCell.reconcile("")).isEmpty();
        assertThat(display.reconcile("")).isEmpty();
    }

    @Test
    void aDisplayRoundedTotalHasASmallerTolerance() {
        // Per cell: 3 × (0.5 / 1.05 + 0.5) + 0.5 (declared) ≈ 3.43. Display: 3 × 0.5 / 1.05 + 0.5 (declared)
        // + 0.5 (its own rounding for print) ≈ 2.43. The same declared 15,949 is rounding per cell, an error in
        // display.
        TotalMismatch perCell = Budgets.reconcile(tourism(null, "15949")).get(0);
        TotalMismatch display = Budgets.reconcile(tourism("display", "15949")).get(0);
        assertThat(perCell.tolerance()).isBetween(new BigDecimal("3.4285"), new BigDecimal("3.4286"));
        assertThat(perCell.difference()).isEqualByComparingTo("-2");
        assertThat(perCell.isError()).isFalse();
        assertThat(display.tolerance()).isBetween(new BigDecimal("2.4285"), new BigDecimal("2.4286"));
        assertThat(display.computed()).isEqualByComparingTo("15952");
        assertThat(display.difference()).isEqualByComparingTo("-3");
        assertThat(display.isError()).isTrue();
    }

    @Test
    void theSeedSubprojectSummaryPrintsItsDeclaredTotalUnderTheNote() throws IOException {
        for (PrintedFigures figures : PrintedFigures.values()) {
            ReconciledBudgets budgets = seed("resumen-subproyectos.json", figures);
            PrintedBudget printed = budgets.printed("/tables/0");
            BudgetTable table = printed.table();
            int total = row(table, "Total");
            int usd = table.columnIndex("usd");
            boolean declared = figures == PrintedFigures.DECLARED_WITHIN_ROUNDING;
            // Seed 003: Total Fase II (US$) 1'288,584; its rows add up to 1,288,583.
            assertThat(printed.text(total, usd)).as(figures.wire()).isEqualTo(declared ? "1,288,584" : "1,288,583");
            assertThat(printed.showsDeclared(total, usd)).isEqualTo(declared);
            assertThat(printed.text(row(table, "CERX Arequipa"), table.columnIndex("additional")))
                    .isEqualTo(declared ? "(23,940)" : "(23,939)");
            // AMPEX's Total Disponible: computed −1, declared 0, printed "(0)" in the seed.
            assertThat(printed.text(row(table, "AMPEX"), table.columnIndex("available")))
                    .isEqualTo(declared ? "(0)" : "(1)");
            assertThat(printed.mayNotAddUp()).isEqualTo(declared);
            Map<String, Object> laid = BudgetLayout.table(printed, budgets.errorsIn("/tables/0"));
            assertThat(laid.get("roundingNote"))
                    .isEqualTo(declared ? "Las cifras pueden no sumar exactamente debido al redondeo." : "");
            assertThat(cells(laid, total)).element(1).isEqualTo(declared ? "1,288,584" : "1,288,583");
            // The reconciliation is the same either way: 13 rounding differences, with both figures.
            assertThat(budgets.mismatches()).hasSize(13).noneMatch(TotalMismatch::isError);
            assertThat(budgets.roundingNotes()).hasSize(declared ? 13 : 0);
        }
    }

    @Test
    void theSeedTourismBudgetInUsPrintsItsTotalsInDisplayRounding() throws IOException {
        for (PrintedFigures figures : PrintedFigures.values()) {
            PrintedBudget printed =
                    seed("turismo-gastos-operativos.json", figures).printed("/tables/1");
            BudgetTable table = printed.table();
            assertThat(table.rounding()).isEqualTo(TableRounding.DISPLAY);
            int agosto = table.columnIndex("agosto");
            // 152.849,31 CHF / 1.05 = 145,570.77 → the seed's 145,571 (per cell the items add up to 145,568).
            assertThat(printed.text(row(table, "Total Gastos operativos"), agosto))
                    .isEqualTo("145,571");
            assertThat(printed.text(row(table, "Total (US$)"), agosto)).isEqualTo("510,056");
            assertThat(printed.text(row(table, "Total (US$)"), table.columnIndex("diciembre")))
                    .isEqualTo("571,960");
            assertThat(printed.showsDeclared(row(table, "Total (US$)"), agosto)).isFalse();
            assertThat(printed.mayNotAddUp())
                    .as("display-rounded totals of unrounded values")
                    .isTrue();
        }
    }

    @Test
    void realErrorsPrintTheComputedFigureAndNoRoundingNote() throws IOException {
        // Cuadro 1 of seed 003: three real errors and no rounding difference.
        ReconciledBudgets budgets = seed("cuadro-1-programa.json", PrintedFigures.DECLARED_WITHIN_ROUNDING);
        PrintedBudget printed = budgets.printed("/tables/0");
        BudgetTable table = printed.table();
        assertThat(printed.text(row(table, "TOTAL"), table.columnIndex("total")))
                .isEqualTo("4'099'384");
        assertThat(printed.mayNotAddUp()).isFalse();
        Map<String, Object> laid = BudgetLayout.table(printed, budgets.errorsIn("/tables/0"));
        assertThat(laid.get("roundingNote")).isEqualTo("");
        assertThat((List<?>) laid.get("discrepancies")).hasSize(3);
    }

    @Test
    void aTableThatAddsUpCarriesNoNote() {
        PrintedBudget printed = printed(tourism(null, "15951"), PrintedFigures.DECLARED_WITHIN_ROUNDING);
        assertThat(printed.mayNotAddUp()).isFalse();
        // One declared figure printed within rounding is enough for the note.
        PrintedBudget declared = printed(tourism(null, "15952"), PrintedFigures.DECLARED_WITHIN_ROUNDING);
        assertThat(declared.text(3, 1)).isEqualTo("15,952");
        assertThat(declared.mayNotAddUp()).isTrue();
        assertThat(printed(tourism(null, "15952"), PrintedFigures.COMPUTED).mayNotAddUp())
                .isFalse();
    }

    @Test
    void theRequestFieldReachesEveryTypeThatPrintsBudgets() throws IOException {
        String summary = Files.readString(Path.of("examples/budget-summary/resumen-subproyectos.json"))
                .replaceFirst("\\{", "{\"figures\": \"computed\",");
        BudgetSummary read = Budgets.summary(Fixtures.utf8(summary));
        assertThat(read.figures()).isEqualTo(PrintedFigures.COMPUTED);
        assertThat(BudgetSummaryType.reconcile(read).figures()).isEqualTo(PrintedFigures.COMPUTED);
        assertThat(Budgets.summary(Files.readAllBytes(Path.of("examples/budget-summary/resumen-subproyectos.json")))
                        .figures())
                .isEqualTo(PrintedFigures.DECLARED_WITHIN_ROUNDING);
    }
}
