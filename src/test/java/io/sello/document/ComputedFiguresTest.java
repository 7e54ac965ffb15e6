package io.sello.document;

import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, point 2: validate reports every computed figure with the pointer it would be declared at, its value
 * and its text as the PDF prints it. Checked against the printed PDF, and against the service's own
 * reconciliation: a figure declared at its pointer with its value is never a mismatch.
 */
class ComputedFiguresTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path TOURISM = Path.of("examples/budget-summary/turismo-gastos-operativos.json");
    private static final Path SUMMARY = Path.of("examples/budget-summary/resumen-subproyectos.json");

    @Test
    void seed000ReportsEveryTotalOfTheFormAsThePdfPrintsIt() {
        ValidationReport report = Fixtures.poaForm().validate(Fixtures.seedExample());
        Map<String, ComputedFigure> figures = byPointer(report.figures());
        // 42 activities × (4 amounts of the TOTAL line + % ejecución), TOTAL PARCIAL 4 + %, TOTAL GENERAL 2 + %
        assertThat(report.figures()).hasSize(42 * 5 + 5 + 3);
        ComputedFigure programmed = figures.get("/declaredTotals/general/programmed");
        assertThat(programmed.label()).isEqualTo("TOTAL GENERAL · Programado");
        assertThat(programmed.value()).isEqualTo("13614893.00");
        assertThat(programmed.printed()).isEqualTo("13,614,893.00");
        assertThat(figures.get("/declaredTotals/partial/executed/tgn").label())
                .isEqualTo("TOTAL PARCIAL · T.G.N. ejecutado");
        assertThat(figures.get("/activities/0/declaredTotal/programmed/tgn").label())
                .isEqualTo("Actividad 04.01.01. · TOTAL · T.G.N. programado");

        List<String> lines = lines(PdfDocument.of(Fixtures.poaForm()
                .render(Fixtures.seedExample(), RenderOptions.STRICT)
                .content()));
        assertThat(lines)
                .contains("TOTAL GENERAL "
                        + figures.get("/declaredTotals/general/programmed").printed() + " "
                        + figures.get("/declaredTotals/general/executed").printed() + " "
                        + figures.get("/declaredTotals/general/executionPercent")
                                .printed());
        assertThat(lines)
                .contains("TOTAL PARCIAL "
                        + printed(
                                figures,
                                "/declaredTotals/partial/programmed/tgn",
                                "/declaredTotals/partial/programmed/otherSources",
                                "/declaredTotals/partial/executed/tgn",
                                "/declaredTotals/partial/executed/otherSources",
                                "/declaredTotals/partial/executionPercent"));
        for (int i = 0; i < 42; i++) {
            String at = "/activities/" + i + "/declaredTotal/";
            String total = "TOTAL "
                    + printed(
                            figures,
                            at + "programmed/tgn",
                            at + "programmed/otherSources",
                            at + "executed/tgn",
                            at + "executed/otherSources");
            // the TOTAL line shares its line of text with the activity's columns when it has no budget lines
            assertThat(lines)
                    .as("TOTAL line of activity %d", i)
                    .anySatisfy(line -> assertThat(line + " ").contains(total + " "));
        }
    }

    @Test
    void everyFormFigureDeclaredAtItsPointerAgreesWithTheReconciliation() {
        ValidationReport report = Fixtures.poaForm().validate(Fixtures.seedExample());
        ObjectNode request = (ObjectNode) JSON.readTree(Fixtures.seedExample());
        for (ComputedFigure figure : report.figures()) {
            if (figure.value() != null) {
                declare(request, figure.pointer(), figure.value());
            }
        }
        ValidationReport declared = Fixtures.poaForm().validate(JSON.writeValueAsBytes(request));
        assertThat(declared.errors()).isEmpty();
        assertThat(declared.mismatches()).isEmpty();
        assertThat(declared.figures()).isEqualTo(report.figures());
        // and one figure declared a centavo off is a mismatch at the figure's own pointer
        declare(request, "/declaredTotals/general/programmed", "13614893.01");
        assertThat(Fixtures.poaForm().validate(JSON.writeValueAsBytes(request)).mismatches())
                .extracting(TotalMismatch::pointer)
                .containsExactly("/declaredTotals/general/programmed");
    }

    @Test
    void aBudgetWithConversionsReportsTheConvertedAndTotalCellsAsPrinted() {
        DocumentType budget = Fixtures.types().find("budget-summary").orElseThrow();
        byte[] json = Fixtures.read(TOURISM);
        ValidationReport report = budget.validate(json);
        Map<String, ComputedFigure> figures = byPointer(report.figures());
        // table 1, in US$, converts every column of table 0 (CHF) at 1.05, in display rounding
        ComputedFigure converted = figures.get("/tables/1/rows/1/declared/agosto");
        assertThat(converted.label())
                .isEqualTo("Presupuesto de gastos operativos (US$) – Año 3 (con ampliación al 31.12.2008)"
                        + " · Jefe de Proyecto · POA 2008 hasta agosto");
        // 58,814.13 CHF / 1.05 = 56,013.457… US$, printed without decimals
        assertThat(converted.value()).isEqualTo("56013");
        assertThat(converted.printed()).isEqualTo("56,013");
        List<String> lines =
                lines(PdfDocument.of(budget.render(json, RenderOptions.LENIENT).content()));
        JsonNode tables = JSON.readTree(json).get("tables");
        int checked = 0;
        for (int t = 0; t < tables.size(); t++) {
            JsonNode rows = tables.get(t).get("rows");
            for (int r = 0; r < rows.size(); r++) {
                String prefix = "/tables/" + t + "/rows/" + r + "/declared/";
                List<String> cells = report.figures().stream()
                        .filter(f -> f.pointer().startsWith(prefix))
                        .map(ComputedFigure::printed)
                        .toList();
                if (cells.isEmpty()) {
                    continue;
                }
                JsonNode row = rows.get(r);
                String label = List.of("label", "subtotal", "total", "group").stream()
                        .filter(row::has)
                        .map(k -> row.get(k).stringValue())
                        .findFirst()
                        .orElseThrow();
                // the printed figures of a row end its line: in table 1 every column is computed, in table 0 the totals
                assertThat(lines)
                        .as("%s%s", prefix, label)
                        .anySatisfy(line -> assertThat(line).startsWith(label).endsWith(" " + String.join(" ", cells)));
                checked += cells.size();
            }
        }
        assertThat(checked).isGreaterThan(60);
        assertThat(figures.get("/tables/1/rows/22/declared/diciembre").printed())
                .isEqualTo("571,960");
        assertThat(figures.get("/tables/0/rows/22/declared/diciembre").printed())
                .isEqualTo("600.558,31");
    }

    @Test
    void aFigureDeclaredWithinRoundingIsPrintedAsDeclaredAndBothFiguresAreReported() {
        DocumentType budget = Fixtures.types().find("budget-summary").orElseThrow();
        ObjectNode request = (ObjectNode) JSON.readTree(Fixtures.read(SUMMARY));
        ValidationReport report = budget.validate(JSON.writeValueAsBytes(request));
        TotalMismatch total = report.mismatches().stream()
                .filter(m -> m.pointer().equals("/tables/0/rows/6/declared/usd"))
                .findFirst()
                .orElseThrow();
        assertThat(total.classification()).isEqualTo(TotalMismatch.Classification.ROUNDING);
        assertThat(total.declared()).isEqualByComparingTo("1288584");
        assertThat(total.computed()).isEqualByComparingTo("1288583");
        ComputedFigure printed = byPointer(report.figures()).get("/tables/0/rows/6/declared/usd");
        assertThat(printed.value()).isEqualTo("1288584");
        assertThat(printed.printed()).isEqualTo("1,288,584");
        assertThat(lines(PdfDocument.of(budget.render(JSON.writeValueAsBytes(request), RenderOptions.STRICT)
                        .content())))
                .anySatisfy(line -> assertThat(line).startsWith("Total ").contains(" 1,288,584 "));

        request.put("figures", "computed");
        ValidationReport computed = budget.validate(JSON.writeValueAsBytes(request));
        assertThat(computed.mismatches()).contains(total);
        assertThat(byPointer(computed.figures())
                        .get("/tables/0/rows/6/declared/usd")
                        .printed())
                .isEqualTo("1,288,583");
        assertThat(lines(PdfDocument.of(budget.render(JSON.writeValueAsBytes(request), RenderOptions.STRICT)
                        .content())))
                .anySatisfy(line -> assertThat(line).startsWith("Total ").contains(" 1,288,583 "));
    }

    @Test
    void everyBudgetFigureDeclaredAtItsPointerAgreesWithTheReconciliation() {
        DocumentType budget = Fixtures.types().find("budget-summary").orElseThrow();
        ObjectNode request = (ObjectNode) JSON.readTree(Fixtures.read(TOURISM));
        request.put("figures", "computed");
        ValidationReport report = budget.validate(JSON.writeValueAsBytes(request));
        assertThat(report.mismatches()).isNotEmpty();
        for (ComputedFigure figure : report.figures()) {
            if (figure.value() != null) {
                declare(request, figure.pointer(), figure.value());
            }
        }
        ValidationReport declared = budget.validate(JSON.writeValueAsBytes(request));
        assertThat(declared.errors()).isEmpty();
        assertThat(declared.mismatches()).isEmpty();
        assertThat(declared.figures()).isEqualTo(report.figures());
    }

    @Test
    void inputThatCannotBeReadHasNoFiguresAndNoFailure() {
        assertThat(Fixtures.poaForm().validate(Fixtures.utf8("{\"header\": 1}")).figures())
                .isEmpty();
        assertThat(Fixtures.poaForm().validate(Fixtures.utf8("{")).figures()).isEmpty();
        DocumentType budget = Fixtures.types().find("budget-summary").orElseThrow();
        assertThat(budget.validate(Fixtures.utf8("{\"title\": \"x\", \"tables\": []}"))
                        .figures())
                .isEmpty();
    }

    @Test
    void theAnnexOfAnAmendmentReportsItsBudgetFigures() {
        ValidationReport report = Fixtures.amendment()
                .validate(Fixtures.read(Path.of("examples/agreement-amendment/pcc-peru-2008.json")));
        assertThat(report.figures())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.pointer()).startsWith("/annex/"));
        assertThat(Fixtures.plan()
                        .validate(Fixtures.read(Path.of("examples/operational-plan/pcc-plan-operativo-2008.json")))
                        .figures())
                .hasSize(report.figures().size());
    }

    private static Map<String, ComputedFigure> byPointer(List<ComputedFigure> figures) {
        return figures.stream().collect(Collectors.toMap(ComputedFigure::pointer, Function.identity()));
    }

    private static String printed(Map<String, ComputedFigure> figures, String... pointers) {
        return Arrays.stream(pointers).map(p -> figures.get(p).printed()).collect(Collectors.joining(" "));
    }

    private static List<String> lines(PdfDocument pdf) {
        return pdf.text().lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
    }

    /** Sets a decimal string at a JSON pointer, making the objects on the way. */
    private static void declare(ObjectNode root, String pointer, String value) {
        String[] steps = pointer.substring(1).split("/");
        JsonNode node = root;
        for (int i = 0; i < steps.length - 1; i++) {
            JsonNode next = node.isArray() ? node.get(Integer.parseInt(steps[i])) : node.get(steps[i]);
            if (next == null) {
                next = ((ObjectNode) node).putObject(steps[i]);
            }
            node = next;
        }
        ((ObjectNode) node).put(steps[steps.length - 1], new BigDecimal(value).toPlainString());
    }
}
