package io.sello.budget;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sello.document.DocumentType;
import io.sello.document.InputError;
import io.sello.document.RenderOptions;
import io.sello.document.UnprintableFigureException;
import io.sello.support.Fixtures;
import io.sello.support.PdfRuns;
import io.sello.support.PdfRuns.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 13, point 0, for budget tables (budget-summary, and the budget blocks of operational-plan and of
 * the amendment's annex): the largest amount the contract accepts (15 integer digits) prints in full in
 * every amount column, read back from the PDF; a column too narrow for a figure even at 5 pt is refused
 * with 422 naming the cell; one more digit is refused by schema and reader alike (400).
 */
class LargestBudgetAmountTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MAX = "999999999999999";
    /** What looks like a printed figure: digits with grouping, decimals, parentheses for negatives. */
    private static final Pattern FIGURE = Pattern.compile("\\(?\\d[\\d,.']*\\)?");

    private static final float LEGIBLE = 4.99f;

    private static DocumentType summary() {
        return Fixtures.types().find("budget-summary").orElseThrow();
    }

    /** A summary table of {@code columns} input columns and a row-sum column, two items and a total. */
    private static String table(int columns, String first, String second) {
        StringBuilder cols = new StringBuilder();
        StringBuilder one = new StringBuilder();
        StringBuilder two = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            int decimals = c % 2 == 0 ? 0 : 2;
            cols.append("{\"key\": \"c%d\", \"header\": \"Columna %d\", \"currency\": \"USD\", \"decimals\": %d},"
                    .formatted(c, c, decimals));
            one.append("%s\"c%d\": \"%s\"".formatted(c == 0 ? "" : ", ", c, decimals == 0 ? first : first + ".99"));
            two.append("%s\"c%d\": \"%s\"".formatted(c == 0 ? "" : ", ", c, decimals == 0 ? second : second + ".99"));
        }
        return """
                {"title": "Prueba", "tables": [{"id": "prueba", "title": "Cifras máximas", "labelHeader": "Rubro",
                  "columns": [%s {"key": "total", "header": "Total", "currency": "USD", "decimals": 2, "sum": [%s]}],
                  "rows": [{"label": "Uno", "values": {%s}}, {"label": "Dos", "values": {%s}},
                           {"total": "TOTAL"}]}]}
                """.formatted(
                        cols,
                        String.join(
                                ", ",
                                IntStream.range(0, columns)
                                        .mapToObj(c -> "\"c" + c + "\"")
                                        .toList()),
                        one,
                        two);
    }

    private static List<Run> render(DocumentType type, byte[] json) {
        byte[] pdf = type.render(json, RenderOptions.LENIENT).content();
        return PdfRuns.of(pdf);
    }

    /** No figure is drawn over other text, and every figure is legible. */
    private static void assertFiguresClear(List<Run> runs) {
        List<String> overlaps = new ArrayList<>();
        for (Run figure : runs) {
            if (!FIGURE.matcher(figure.text()).matches()) {
                continue;
            }
            assertThat(figure.fontSize()).as("%s is legible", figure).isGreaterThanOrEqualTo(LEGIBLE);
            for (Run other : runs) {
                if (other != figure && figure.overlaps(other)) {
                    overlaps.add(figure + " overlaps " + other);
                }
            }
        }
        assertThat(overlaps).as("figures drawn over other text").isEmpty();
    }

    /** Every figure a table computes, as it prints, must be read back whole (as often as it is printed). */
    private static void assertEveryFigurePrinted(List<Run> runs, Map<String, BudgetTable> tables) {
        Map<String, Integer> printed = new HashMap<>();
        runs.forEach(r -> printed.merge(r.text(), 1, Integer::sum));
        Map<String, Integer> expected = new HashMap<>();
        // what the request prints: declared figures within rounding (issue 13, point 1), computed ones otherwise
        ReconciledBudgets budgets = ReconciledBudgets.of(tables, PrintedFigures.DECLARED_WITHIN_ROUNDING);
        for (Map.Entry<String, BudgetTable> entry : tables.entrySet()) {
            BudgetTable table = entry.getValue();
            PrintedBudget printedBudget = budgets.printed(entry.getKey());
            for (int r = 0; r < table.rows().size(); r++) {
                if (table.rows().get(r).kind() == BudgetRow.Kind.HEADING) {
                    continue;
                }
                for (BudgetColumn column : table.columns()) {
                    String text = printedBudget.text(r, table.columnIndex(column.key()));
                    if (!column.hidden() && FIGURE.matcher(text).matches()) {
                        expected.merge(text, 1, Integer::sum);
                    }
                }
            }
        }
        expected.forEach((text, count) -> assertThat(printed.getOrDefault(text, 0))
                .as("\"%s\" printed whole", text)
                .isGreaterThanOrEqualTo(count));
    }

    @Test
    void theLargestAmountPrintsInFullInEveryColumnOfASummaryTable() {
        String json = table(3, MAX, "-" + MAX);
        List<Run> runs = render(summary(), Fixtures.utf8(json));
        assertFiguresClear(runs);
        // Inputs at the largest accepted amount, positive and negative, and their sums, 19 digits.
        for (String text : List.of(
                "999,999,999,999,999",
                "(999,999,999,999,999)",
                "999,999,999,999,999.99",
                "(999,999,999,999,999.99)",
                "2,999,999,999,999,997.99",
                "(2,999,999,999,999,997.99)",
                "0",
                "0.00")) {
            assertThat(runs).extracting(Run::text).as(text).contains(text);
        }
        // By position: on each row the figures read left to right, column by column, each right of the last.
        for (String label : List.of("Uno", "Dos", "TOTAL")) {
            Run row = runs.stream()
                    .filter(r -> r.text().equals(label))
                    .findFirst()
                    .orElseThrow();
            List<Run> line = runs.stream()
                    .filter(r -> r.page() == row.page()
                            && Math.abs(r.y() - row.y()) < 3
                            && FIGURE.matcher(r.text()).matches())
                    .sorted(Comparator.comparing(Run::left))
                    .toList();
            assertThat(line).as(label).hasSize(4);
            for (int i = 1; i < line.size(); i++) {
                assertThat(line.get(i).left())
                        .as("%s clear of %s", line.get(i), line.get(i - 1))
                        .isGreaterThan(line.get(i - 1).right());
            }
        }
    }

    @Test
    void aColumnTooNarrowForTheLargestAmountEvenAt5PtIsRefusedNamingTheCell() {
        // 20 columns share 75 % of a landscape page: 28 pt each, room for 9 digits at 5 pt, not 15.
        String json = table(20, MAX, "1");
        List<InputError> errors = assertThrows(
                        UnprintableFigureException.class,
                        () -> summary().render(Fixtures.utf8(json), RenderOptions.LENIENT))
                .errors();
        assertThat(errors)
                .extracting(InputError::pointer)
                .contains("/tables/0/rows/0/values/c0", "/tables/0/rows/0/values/c1", "/tables/0/rows/2/declared/total")
                .doesNotContain("/tables/0/rows/1/values/c0");
        assertThat(errors.get(0).message()).contains("999,999,999,999,999", "cannot be printed in full");
        // The same figures print when the table has room for them.
        assertFiguresClear(render(summary(), Fixtures.utf8(table(4, MAX, "1"))));
    }

    @Test
    void oneDigitMoreIsRefusedByTheSchemaAndTheReader() throws IOException {
        for (String type : List.of("budget-summary")) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Fixtures.types().find(type).orElseThrow().jsonSchema(), InputFormat.JSON);
            String largest = table(2, MAX, MAX);
            assertThat(schema.validate(largest, InputFormat.JSON))
                    .as("largest, schema")
                    .isEmpty();
            assertThat(summary().validate(Fixtures.utf8(largest)).errors())
                    .as("largest, reader")
                    .isEmpty();
            for (String over : List.of(
                    table(2, "1" + "0".repeat(15), "1"),
                    table(2, "-1" + "0".repeat(15), "1"),
                    table(2, "1", "1").replace("\"c0\": \"1\"", "\"c0\": 1000000000000000"))) {
                assertThat(schema.validate(over, InputFormat.JSON))
                        .as("over, schema")
                        .isNotEmpty();
                assertThat(summary().validate(Fixtures.utf8(over)).errors())
                        .extracting(InputError::pointer)
                        .as("over, reader")
                        .contains("/tables/0/rows/0/values/c0")
                        .allMatch(pointer -> pointer.matches("/tables/0/rows/[01]/values/c[01]"));
            }
        }
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples/budget-summary"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    /**
     * Every table of seed 003, every input set to the largest accepted amount (negative on every other
     * row): it prints every figure whole and clear, or it is refused naming the cells that cannot be.
     */
    @ParameterizedTest
    @MethodSource("examples")
    void everySeedTableWithTheLargestAmountInEveryInputPrintsInFullOrIsRefused(Path example) {
        ObjectNode request = (ObjectNode) JSON.readTree(Fixtures.read(example));
        for (JsonNode table : request.get("tables")) {
            int r = 0;
            for (JsonNode row : table.get("rows")) {
                if (row.has("values")) {
                    ObjectNode values = (ObjectNode) row.get("values");
                    String sign = r++ % 2 == 0 ? "" : "-";
                    for (String key : new ArrayList<>(values.propertyNames())) {
                        if (values.get(key).isNumber()
                                || values.get(key).stringValue().matches("-?\\d.*")) {
                            values.put(key, sign + MAX);
                        }
                    }
                }
                ((ObjectNode) row).remove("declared");
            }
        }
        byte[] json = Fixtures.utf8(request.toString());
        try {
            List<Run> runs = render(summary(), json);
            assertFiguresClear(runs);
            assertEveryFigurePrinted(runs, tables(json));
        } catch (UnprintableFigureException refused) {
            assertThat(refused.errors())
                    .allSatisfy(e ->
                            assertThat(e.pointer()).matches("/tables/\\d+/rows/\\d+/(values|declared)/[a-z0-9_]+"));
        }
    }

    /** The examples as they are print every figure whole and clear of other text, on both page widths. */
    @ParameterizedTest
    @MethodSource("examples")
    void everySeedTablePrintsEveryFigureWholeAndClear(Path example) {
        byte[] json = Fixtures.read(example);
        List<Run> runs = render(summary(), json);
        assertFiguresClear(runs);
        assertEveryFigurePrinted(runs, tables(json));
    }

    @Test
    void thePlanOperativoPrintsEveryBudgetFigureWholeAndClear() {
        List<Run> runs = render(
                Fixtures.plan(), Fixtures.read(Path.of("examples/operational-plan/pcc-plan-operativo-2008.json")));
        assertFiguresClear(runs);
    }

    private static Map<String, BudgetTable> tables(byte[] json) {
        BudgetSummary summary = Budgets.summary(json);
        Map<String, BudgetTable> tables = new HashMap<>();
        for (int i = 0; i < summary.tables().size(); i++) {
            tables.put(BudgetSummary.pointer(i), summary.tables().get(i));
        }
        return tables;
    }
}
