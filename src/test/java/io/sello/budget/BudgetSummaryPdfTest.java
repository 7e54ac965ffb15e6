package io.sello.budget;

import io.sello.document.DocumentType;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.TotalsMismatchException;
import io.sello.support.FilledAreas;
import io.sello.support.Fixtures;
import io.sello.support.Golden;
import io.sello.support.GoldenTest;
import io.sello.support.PdfDocument;
import io.sello.support.PdfLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The budget-summary PDF, checked by what it says: every computed figure, notes, discrepancies, chart. */
class BudgetSummaryPdfTest {
    private static final Path CUADRO_1 = Path.of("examples/budget-summary/cuadro-1-programa.json");
    private static final Path SUMMARY = Path.of("examples/budget-summary/resumen-subproyectos.json");
    private static final Path TOURISM = Path.of("examples/budget-summary/turismo-gastos-operativos.json");
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
    void everyPrintedFigureIsThePrintedOne(Path example) throws IOException {
        byte[] json = Files.readAllBytes(example);
        PdfDocument pdf =
                PdfDocument.of(type().render(json, RenderOptions.LENIENT).content());
        pdf.assertEveryFontEmbedded();
        // Flowing text has no white space: each row's figures must appear in order, with nothing between them.
        String text = pdf.flowingText(false);
        ReconciledBudgets budgets = BudgetSummaryType.reconcile(Budgets.summary(json));
        int notes = 0;
        for (String pointer : budgets.byPointer().keySet()) {
            PrintedBudget printed = budgets.printed(pointer);
            BudgetTable table = printed.table();
            notes += printed.mayNotAddUp() ? 1 : 0;
            for (int r = 0; r < table.rows().size(); r++) {
                StringBuilder row = new StringBuilder();
                if (table.rows().get(r).kind() == BudgetRow.Kind.HEADING) {
                    continue;
                }
                for (int c = 0; c < table.columns().size(); c++) {
                    BudgetColumn column = table.columns().get(c);
                    String cell = printed.text(r, c);
                    if (!column.hidden() && !cell.isEmpty()) {
                        row.append(cell);
                    }
                }
                assertThat(text).as(table.id() + " row " + (r + 1)).contains(row.toString());
            }
            table.notes().forEach(note -> assertThat(text).contains(note.replaceAll("\\s+", "")));
        }
        // The rounding note: once under each table whose printed figures may not add up, nowhere else.
        assertThat(occurrences(text, BudgetLayout.ROUNDING_NOTE.replaceAll("\\s+", "")))
                .isEqualTo(notes);
    }

    private static int occurrences(String text, String piece) {
        int count = 0;
        for (int at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void declaredErrorsRefuseTheRenderUnlessLenient() throws IOException {
        byte[] json = Files.readAllBytes(CUADRO_1);
        assertThatThrownBy(() -> type().render(json, RenderOptions.STRICT))
                .isInstanceOfSatisfying(
                        TotalsMismatchException.class,
                        e -> assertThat(e.mismatches()).hasSize(3));
        RenderedDocument lenient = type().render(json, RenderOptions.LENIENT);
        assertThat(lenient.warnings())
                .extracting(w -> w.code())
                .containsExactly("total-mismatch", "total-mismatch", "total-mismatch");
        String text = PdfDocument.of(lenient.content()).text().replaceAll("\\s+", " ");
        assertThat(text)
                .contains(
                        "Nota de discrepancia",
                        "«Fondo concursable, temas macro», Total: cifra declarada 370'000, cifra calculada 253'000 (diferencia 117'000).",
                        "«TOTAL», Total: cifra declarada 4'086'384, cifra calculada 4'099'384 (diferencia (13'000)).");
    }

    @Test
    void roundingDifferencesPrintTheDeclaredFigureUnderOneNote() throws IOException {
        RenderedDocument document = type().render(Files.readAllBytes(SUMMARY), RenderOptions.STRICT);
        String text = PdfDocument.of(document.content()).text();
        // Seed 003 prints Total Fase II (US$) 1'288,584 where the rows add up to 1,288,583: rounding, so the paper's
        // figure.
        assertThat(text)
                .doesNotContain("Nota de discrepancia")
                .contains("1,288,584", "(23,940)", "(9,236)", "21,384")
                .doesNotContain("1,288,583", "(23,939)", "21,388");
        assertThat(occurrences(text, BudgetLayout.ROUNDING_NOTE)).isOne();
        // The note sits under the table: after its Total row.
        assertThat(text.indexOf(BudgetLayout.ROUNDING_NOTE)).isGreaterThan(text.indexOf("1,288,584"));
        // Every rounding difference printed as declared is still reported, with both figures.
        assertThat(document.warnings())
                .hasSize(13)
                .allSatisfy(w -> assertThat(w.code()).isEqualTo("rounding-declared-printed"));
        assertThat(document.warnings())
                .anySatisfy(
                        w -> assertThat(w.message())
                                .isEqualTo(
                                        "declared 1288584 but the figures add up to 1288583 (rounding: within ±3.5); the declared figure was printed"));
        assertThat(type().validate(Files.readAllBytes(SUMMARY)).mismatches()).hasSize(13);
    }

    @Test
    void figuresComputedPrintsTheServicesFiguresWithoutANote() throws IOException {
        String json = Files.readString(SUMMARY).replaceFirst("\\{", "{\"figures\": \"computed\",");
        RenderedDocument document = type().render(json.getBytes(StandardCharsets.UTF_8), RenderOptions.STRICT);
        String text = PdfDocument.of(document.content()).text();
        assertThat(text)
                .contains("1,288,583", "(23,939)", "21,388")
                .doesNotContain("1,288,584", BudgetLayout.ROUNDING_NOTE);
        assertThat(document.warnings()).isEmpty();
    }

    @Test
    void aDisplayRoundedTableAddsUnroundedValues() throws IOException {
        String json = Files.readString(TOURISM);
        for (String figures : new String[] {"declared-within-rounding", "computed"}) {
            String request = json.replaceFirst("\\{", "{\"figures\": \"" + figures + "\",");
            String text = PdfDocument.of(type().render(request.getBytes(StandardCharsets.UTF_8), RenderOptions.LENIENT)
                            .content())
                    .text();
            // 152.849,31 CHF / 1.05 = 145,570.77: the seed's 145,571, whichever figures are asked for.
            String usd = text.substring(text.indexOf("Presupuesto de gastos operativos (US$)"));
            assertThat(usd)
                    .as(figures)
                    .contains("145,571", "510,056", "571,960")
                    .doesNotContain("145,568", "510,053");
            // The printed items add up to 145,568: the note says so, once, under the US$ table only.
            assertThat(occurrences(usd, BudgetLayout.ROUNDING_NOTE)).as(figures).isOne();
        }
        // The same table rounded per cell adds the printed cells, as before.
        String perCell =
                json.replace("\"rounding\": \"display\",", "").replaceFirst("\\{", "{\"figures\": \"computed\",");
        String text = PdfDocument.of(type().render(perCell.getBytes(StandardCharsets.UTF_8), RenderOptions.LENIENT)
                        .content())
                .text();
        assertThat(text).contains("145,568", "510,053").doesNotContain("145,571", BudgetLayout.ROUNDING_NOTE);
    }

    @Test
    void theChartDrawsOneBarPerAmountInItsFirstSeries() throws IOException {
        byte[] json = Files.readAllBytes(CUADRO_1);
        byte[] pdf = type().render(json, RenderOptions.LENIENT).content();
        ComputedBudget computed =
                BudgetSummaryType.reconcile(Budgets.summary(json)).computed(BudgetSummary.pointer(0));
        int column = computed.table().columnIndex("y2005");
        long bars = 0;
        for (int r = 0; r < computed.table().rows().size(); r++) {
            if (computed.table().rows().get(r).kind() == BudgetRow.Kind.ITEM
                    && computed.figure(r, column).amount().signum() != 0) {
                bars++;
            }
        }
        assertThat(bars).isGreaterThan(10);
        // one filled bar per non-zero 2005 amount, plus the legend swatch
        assertThat(FilledAreas.count(pdf, FIRST_SERIES)).isEqualTo(bars + 1);
        assertThat(PdfDocument.of(pdf).text()).contains("Presupuesto por proyecto y año (CHF)", "2008 extensión");
        // a table without a chart fills nothing in chart colours
        assertThat(FilledAreas.count(
                        type().render(Files.readAllBytes(SUMMARY), RenderOptions.STRICT)
                                .content(),
                        FIRST_SERIES))
                .isZero();
    }

    @GoldenTest
    void layoutMatchesTheGoldenFile() throws IOException {
        Golden.assertMatches(
                "budget-summary/resumen-subproyectos.layout.txt",
                PdfLayout.of(type().render(Files.readAllBytes(SUMMARY), RenderOptions.STRICT)
                        .content()));
    }
}
