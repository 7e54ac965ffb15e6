package io.sello.budget;

import io.sello.document.OutputFormat;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.input.InputFindings;
import io.sello.support.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        RenderedDocument xlsx = Fixtures.types().find("budget-summary").orElseThrow()
                .render(json, RenderOptions.LENIENT.as(OutputFormat.XLSX));
        assertThat(xlsx.fileName()).endsWith(".xlsx");
        BudgetSummary summary = BudgetSummaryReader.read(json, new InputFindings());
        ReconciledBudgets budgets = BudgetSummaryType.reconcile(summary);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            // A fresh evaluator recomputes from the formulas, ignoring the values cached in the file.
            XSSFFormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
            int formulas = 0;
            for (int t = 0; t < summary.tables().size(); t++) {
                ComputedBudget computed = budgets.computed(BudgetSummary.pointer(t));
                Sheet sheet = book.getSheetAt(t);
                formulas += checkSheet(sheet, computed, evaluator);
            }
            assertThat(formulas).isPositive();
            Sheet reconciliation = book.getSheet("Conciliación");
            assertThat(reconciliation.getLastRowNum()).isEqualTo(budgets.mismatches().size());
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

    private static int checkSheet(Sheet sheet, ComputedBudget computed, XSSFFormulaEvaluator evaluator) {
        BudgetTable table = computed.table();
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
                Cell cell = row.getCell(c + 1);
                String where = table.id() + " row " + (r + 1) + " column " + column.key();
                assertThat(sheet.isColumnHidden(c + 1)).as(where).isEqualTo(column.hidden());
                switch (figure.kind()) {
                    case BLANK -> assertThat(cell).as(where).isNull();
                    case NOT_APPLICABLE -> assertThat(cell.getStringCellValue()).as(where).isEqualTo("n.a.");
                    default -> {
                        boolean computedCell = budgetRow.kind() != BudgetRow.Kind.ITEM || !column.isInput();
                        assertThat(cell.getCellType()).as(where).isEqualTo(computedCell ? CellType.FORMULA : CellType.NUMERIC);
                        CellValue value = evaluator.evaluate(cell);
                        assertThat(value.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
                        assertThat(value.getNumberValue()).as(where).isCloseTo(figure.amount().doubleValue(), within(1e-6));
                        formulas += computedCell ? 1 : 0;
                    }
                }
            }
        }
        return formulas;
    }
}
