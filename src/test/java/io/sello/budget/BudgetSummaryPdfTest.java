package io.sello.budget;

import io.sello.document.DocumentType;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.TotalsMismatchException;
import io.sello.input.InputFindings;
import io.sello.support.FilledAreas;
import io.sello.support.Fixtures;
import io.sello.support.Golden;
import io.sello.support.PdfDocument;
import io.sello.support.PdfLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The budget-summary PDF, checked by what it says: every computed figure, notes, discrepancies, chart. */
class BudgetSummaryPdfTest {
    private static final Path CUADRO_1 = Path.of("examples/budget-summary/cuadro-1-programa.json");
    private static final Path SUMMARY = Path.of("examples/budget-summary/resumen-subproyectos.json");
    /** The first colour of the chart palette (BudgetLayout): the 2005 bars. */
    private static final int FIRST_SERIES = 0x1f4e79;

    private static DocumentType type() {
        return Fixtures.types().find("budget-summary").orElseThrow();
    }

    static List<Path> examples() throws IOException {
        return SeedReconciliationTest.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyPrintedFigureIsTheComputedOne(Path example) throws IOException {
        byte[] json = Files.readAllBytes(example);
        PdfDocument pdf = PdfDocument.of(type().render(json, RenderOptions.LENIENT).content());
        pdf.assertEveryFontEmbedded();
        // Flowing text has no white space: each row's figures must appear in order, with nothing between them.
        String text = pdf.flowingText(false);
        ReconciledBudgets budgets = BudgetSummaryType.reconcile(BudgetSummaryReader.read(json, new InputFindings()));
        for (ComputedBudget computed : budgets.byPointer().values()) {
            BudgetTable table = computed.table();
            for (int r = 0; r < table.rows().size(); r++) {
                StringBuilder row = new StringBuilder();
                if (table.rows().get(r).kind() == BudgetRow.Kind.HEADING) {
                    continue;
                }
                for (int c = 0; c < table.columns().size(); c++) {
                    BudgetColumn column = table.columns().get(c);
                    String printed = BudgetLayout.text(table.numberStyle(), computed.figure(r, c), column.decimals());
                    if (!column.hidden() && !printed.isEmpty()) {
                        row.append(printed);
                    }
                }
                assertThat(text).as(table.id() + " row " + (r + 1)).contains(row.toString());
            }
            table.notes().forEach(note -> assertThat(text).contains(note.replaceAll("\\s+", "")));
        }
    }

    @Test
    void declaredErrorsRefuseTheRenderUnlessLenient() throws IOException {
        byte[] json = Files.readAllBytes(CUADRO_1);
        assertThatThrownBy(() -> type().render(json, RenderOptions.STRICT))
                .isInstanceOfSatisfying(TotalsMismatchException.class, e -> assertThat(e.mismatches()).hasSize(3));
        RenderedDocument lenient = type().render(json, RenderOptions.LENIENT);
        assertThat(lenient.warnings()).extracting(w -> w.code()).containsExactly("total-mismatch", "total-mismatch", "total-mismatch");
        String text = PdfDocument.of(lenient.content()).text().replaceAll("\\s+", " ");
        assertThat(text).contains("Nota de discrepancia",
                "«Fondo concursable, temas macro», Total: cifra declarada 370'000, cifra calculada 253'000 (diferencia 117'000).",
                "«TOTAL», Total: cifra declarada 4'086'384, cifra calculada 4'099'384 (diferencia (13'000)).");
    }

    @Test
    void roundingDifferencesNeitherRefuseNorPrintANote() throws IOException {
        RenderedDocument document = type().render(Files.readAllBytes(SUMMARY), RenderOptions.STRICT);
        assertThat(document.warnings()).isEmpty();
        assertThat(PdfDocument.of(document.content()).text()).doesNotContain("Nota de discrepancia").contains("(23,939)");
    }

    @Test
    void theChartDrawsOneBarPerAmountInItsFirstSeries() throws IOException {
        byte[] json = Files.readAllBytes(CUADRO_1);
        byte[] pdf = type().render(json, RenderOptions.LENIENT).content();
        ComputedBudget computed = BudgetSummaryType.reconcile(BudgetSummaryReader.read(json, new InputFindings()))
                .computed(BudgetSummary.pointer(0));
        int column = computed.table().columnIndex("y2005");
        long bars = 0;
        for (int r = 0; r < computed.table().rows().size(); r++) {
            if (computed.table().rows().get(r).kind() == BudgetRow.Kind.ITEM && computed.figure(r, column).amount().signum() != 0) {
                bars++;
            }
        }
        assertThat(bars).isGreaterThan(10);
        // one filled bar per non-zero 2005 amount, plus the legend swatch
        assertThat(FilledAreas.count(pdf, FIRST_SERIES)).isEqualTo(bars + 1);
        assertThat(PdfDocument.of(pdf).text()).contains("Presupuesto por proyecto y año (CHF)", "2008 extensión");
        // a table without a chart fills nothing in chart colours
        assertThat(FilledAreas.count(type().render(Files.readAllBytes(SUMMARY), RenderOptions.STRICT).content(), FIRST_SERIES)).isZero();
    }

    @Test
    void layoutMatchesTheGoldenFile() throws IOException {
        Golden.assertMatches("budget-summary/resumen-subproyectos.layout.txt",
                PdfLayout.of(type().render(Files.readAllBytes(SUMMARY), RenderOptions.STRICT).content()));
    }
}
