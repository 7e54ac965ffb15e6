package io.sello.budget;

import io.sello.document.OutputFormat;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.support.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The XLSX, opened with Apache POI: real numbers, and formulas that evaluate to the service's figures. */
class BudgetWorkbookTest {

    static List<Path> examples() throws IOException {
        return SeedReconciliationTest.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyComputedCellIsAFormulaThatEvaluatesToTheComputedFigure(Path example) throws IOException {
        byte[] json = Files.readAllBytes(example);
        RenderedDocument xlsx = Fixtures.types()
                .find("budget-summary")
                .orElseThrow()
                .render(json, RenderOptions.LENIENT.as(OutputFormat.XLSX));
        assertThat(xlsx.fileName()).endsWith(".xlsx");
        BudgetSummary summary = Budgets.summary(json);
        ReconciledBudgets budgets = BudgetSummaryType.reconcile(summary);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            // A fresh evaluator recomputes from the formulas, ignoring the values cached in the file.
            XSSFFormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
            int formulas = 0;
            for (int t = 0; t < summary.tables().size(); t++) {
                PrintedBudget printed = budgets.printed(BudgetSummary.pointer(t));
                Sheet sheet = book.getSheetAt(t);
                formulas += checkSheet(sheet, printed, evaluator);
            }
            assertThat(formulas).isPositive();
            Sheet reconciliation = book.getSheet("Conciliación");
            assertThat(reconciliation.getLastRowNum())
                    .isEqualTo(budgets.mismatches().size());
            for (int i = 0; i < budgets.mismatches().size(); i++) {
                Row row = reconciliation.getRow(i + 1);
                assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.FORMULA);
                assertThat(evaluator.evaluate(row.getCell(4)).getNumberValue())
                        .isCloseTo(budgets.mismatches().get(i).computed().doubleValue(), within(1e-6));
                assertThat(evaluator.evaluate(row.getCell(5)).getNumberValue())
                        .isCloseTo(budgets.mismatches().get(i).difference().doubleValue(), within(1e-6));
            }
        }
    }

    /**
     * Each printed cell shows what the PDF prints; each computed figure is a formula, in the printed
     * cell or, where that prints the declared figure, in the hidden column beside it.
     */
    private static int checkSheet(Sheet sheet, PrintedBudget printed, XSSFFormulaEvaluator evaluator) {
        ComputedBudget computed = printed.computed();
        BudgetTable table = computed.table();
        BudgetWorkbook.Columns at = BudgetWorkbook.Columns.of(printed);
        boolean grouped = table.columns().stream().anyMatch(c -> c.group() != null);
        int first = grouped ? 3 : 2;
        int formulas = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            BudgetRow budgetRow = table.rows().get(r);
            Row row = sheet.getRow(first + r);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(budgetRow.label());
            if (budgetRow.kind() == BudgetRow.Kind.HEADING) {
                continue;
            }
            for (int c = 0; c < table.columns().size(); c++) {
                BudgetColumn column = table.columns().get(c);
                Figure figure = computed.figure(r, c);
                String where = table.id() + " row " + (r + 1) + " column " + column.key();
                assertThat(sheet.isColumnHidden(at.shown(c))).as(where).isEqualTo(column.hidden());
                boolean computedCell = budgetRow.kind() != BudgetRow.Kind.ITEM || !column.isInput();
                Cell shown = row.getCell(at.shown(c));
                if (printed.showsDeclared(r, c)) {
                    assertThat(shown.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
                    assertThat(shown.getNumericCellValue())
                            .as(where)
                            .isCloseTo(printed.amount(r, c).doubleValue(), within(1e-9));
                    assertThat(shown.getCellComment().getString().getString())
                            .as(where)
                            .startsWith("Cifra declarada");
                    assertThat(sheet.isColumnHidden(at.computed(c))).as(where).isTrue();
                    formulas += checkComputed(row.getCell(at.computed(c)), figure, computedCell, evaluator, where);
                } else {
                    formulas += checkComputed(shown, figure, computedCell, evaluator, where);
                    if (at.computed(c) >= 0 && figure.kind() != BudgetCell.Kind.BLANK) {
                        checkComputed(
                                row.getCell(at.computed(c)), figure, computedCell, evaluator, where + " (hidden)");
                    }
                }
            }
        }
        return formulas;
    }

    private static int checkComputed(
            Cell cell, Figure figure, boolean computedCell, XSSFFormulaEvaluator evaluator, String where) {
        switch (figure.kind()) {
            case BLANK ->
                assertThat(cell == null || cell.getCellType() == CellType.BLANK)
                        .as(where)
                        .isTrue();
            case NOT_APPLICABLE ->
                assertThat(cell.getStringCellValue()).as(where).isEqualTo("n.a.");
            default -> {
                assertThat(cell.getCellType()).as(where).isEqualTo(computedCell ? CellType.FORMULA : CellType.NUMERIC);
                CellValue value = evaluator.evaluate(cell);
                assertThat(value.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
                assertThat(value.getNumberValue())
                        .as(where)
                        .isCloseTo(figure.amount().doubleValue(), within(1e-6));
                return computedCell ? 1 : 0;
            }
        }
        return 0;
    }

    private static XSSFWorkbook workbook(Path example) throws IOException {
        RenderedDocument xlsx = Fixtures.types()
                .find("budget-summary")
                .orElseThrow()
                .render(Files.readAllBytes(example), RenderOptions.LENIENT.as(OutputFormat.XLSX));
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()));
    }

    @Test
    void aCellPrintedWithItsDeclaredFigureKeepsItsFormulaInTheHiddenColumnBeside() throws IOException {
        try (XSSFWorkbook book = workbook(Path.of("examples/budget-summary/resumen-subproyectos.json"))) {
            XSSFFormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
            DataFormatter format = new DataFormatter(Locale.US);
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(1);
            Row total = sheet.getRow(2 + 6);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Total");
            // B: Total Fase II (CHF), C: Total Fase II (US$) as printed, D: its computed twin, hidden.
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Total Fase II (US$) (USD)");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Total Fase II (US$) (USD) – calculado");
            assertThat(sheet.isColumnHidden(2)).isFalse();
            assertThat(sheet.isColumnHidden(3)).isTrue();
            assertThat(format.formatCellValue(total.getCell(2), evaluator)).isEqualTo("1,288,584");
            assertThat(total.getCell(3).getCellFormula()).isEqualTo("SUM(D3:D8)");
            assertThat(evaluator.evaluate(total.getCell(3)).getNumberValue()).isEqualTo(1288583.0);
            // AMPEX's Total Disponible: declared 0 for a computed −1, printed "(0)" as in the PDF and the seed.
            Row ampex = sheet.getRow(2 + 1);
            assertThat(header.getCell(9).getStringCellValue()).isEqualTo("Total Disponible Sep a Dic 2008 (US$) (USD)");
            assertThat(format.formatCellValue(ampex.getCell(9), evaluator)).isEqualTo("(0)");
            assertThat(evaluator.evaluate(ampex.getCell(10)).getNumberValue()).isEqualTo(-1.0);
            assertThat(total.getCell(2).getCellComment().getString().getString())
                    .contains("1,288,584", "=SUM(D3:D8) = 1,288,583", "D9");
            // The Conciliación sheet still lists all 13 differences, computed figures read from the hidden cells.
            Sheet reconciliation = book.getSheet("Conciliación");
            assertThat(reconciliation.getLastRowNum()).isEqualTo(13);
            Row usd = null;
            for (int r = 1; r <= 13; r++) {
                if (reconciliation.getRow(r).getCell(2).getStringCellValue().equals("Total Fase II (US$)")) {
                    usd = reconciliation.getRow(r);
                }
            }
            assertThat(usd.getCell(4).getCellFormula()).isEqualTo("'resumen-subproyectos-1-2-1-3'!$D$9");
            assertThat(evaluator.evaluate(usd.getCell(5)).getNumberValue()).isEqualTo(1.0);
        }
    }

    @Test
    void aDisplayRoundedColumnUsesANumberFormatNotRound() throws IOException {
        try (XSSFWorkbook book = workbook(Path.of("examples/budget-summary/turismo-gastos-operativos.json"))) {
            XSSFFormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
            DataFormatter format = new DataFormatter(Locale.US);
            Sheet sheet = book.getSheet("gastos-operativos-usd");
            Row item = sheet.getRow(2);
            assertThat(item.getCell(0).getStringCellValue()).isEqualTo("Equipamiento de oficina (1)");
            // B, C: the CHF inputs (hidden); D: agosto = B/1.05 unrounded, shown with no decimals.
            assertThat(item.getCell(3).getCellFormula()).isEqualTo("B3/1.05");
            assertThat(evaluator.evaluate(item.getCell(3)).getNumberValue()).isCloseTo(2690.476190, within(1e-6));
            assertThat(format.formatCellValue(item.getCell(3), evaluator)).isEqualTo("2,690");
            Row subtotal = sheet.getRow(2 + 17);
            assertThat(subtotal.getCell(0).getStringCellValue()).isEqualTo("Total Gastos operativos");
            assertThat(subtotal.getCell(3).getCellFormula()).doesNotContain("ROUND");
            assertThat(evaluator.evaluate(subtotal.getCell(3)).getNumberValue()).isCloseTo(145570.771428, within(1e-5));
            assertThat(format.formatCellValue(subtotal.getCell(3), evaluator)).isEqualTo("145,571");
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        assertThat(cell.getCellFormula())
                                .as(cell.getAddress().formatAsString())
                                .doesNotContain("ROUND");
                    }
                }
            }
            // The note the PDF prints under the table.
            boolean note = false;
            for (Row row : sheet) {
                note |= row.getCell(0) != null
                        && row.getCell(0).getCellType() == CellType.STRING
                        && row.getCell(0).getStringCellValue().equals(BudgetLayout.ROUNDING_NOTE);
            }
            assertThat(note).isTrue();
        }
    }
}
