package io.sello.form;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sello.document.InputError;
import io.sello.document.RenderOptions;
import io.sello.document.UnprintableFigureException;
import io.sello.document.ValidationReport;
import io.sello.support.Fixtures;
import io.sello.support.PdfRuns;
import io.sello.support.PdfRuns.Run;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, point 0: every amount Formulario N.5.B accepts prints in full in every cell that shows it
 * (budget line, TOTAL line, TOTAL PARCIAL, TOTAL GENERAL, columns (8) and (13)), read back from the
 * PDF by position; a figure one centavo larger is refused by the schema and the reader (400), and a
 * computed total that outgrows its cell is refused with 422 naming it, never printed cut off.
 */
class LargestFormAmountTest {
    private static final String MAX = "999999999999.99";
    private static final String MAX_PRINTED = "999,999,999,999.99";
    private static final String MAX_PERCENT = "99999999.99";
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Fixtures.poaForm().jsonSchema(), InputFormat.JSON);
    /** The smallest font a shrunk cell may use: below it a printed figure is no longer legible. */
    private static final float LEGIBLE = 4.99f;

    // Cells of the JRXML (x and width, plus the 20 pt page margin), left to right.
    private static final Cell EFFICACY = new Cell("(8)", 426, 44);
    private static final Cell PROGRAMMED_TGN = new Cell("(9)", 508, 60);
    private static final Cell PROGRAMMED_OTHER = new Cell("(10)", 568, 54);
    private static final Cell EXECUTED_TGN = new Cell("(11)", 622, 54);
    private static final Cell EXECUTED_OTHER = new Cell("(12)", 676, 54);
    private static final Cell PERCENT = new Cell("(13)", 730, 42);
    private static final Cell GENERAL_PROGRAMMED = new Cell("TOTAL GENERAL programado", 508, 114);
    private static final Cell GENERAL_EXECUTED = new Cell("TOTAL GENERAL ejecutado", 622, 108);

    record Cell(String name, float x, float width) {}

    /** One activity with a line of expense group 10000 and the given percentage of column (8). */
    private static String activity(
            String code,
            String programmedTgn,
            String programmedOther,
            String executedTgn,
            String executedOther,
            String efficacy) {
        return """
                {"code": "%s", "specificActivity": "Actividad", "startDate": "2024-01-02", "endDate": "2024-12-31",
                 "indicator": {"description": "Avance", "cumulativeEfficacyPercent": "%s"},
                 "budgetLines": [{"expenseGroup": "10000",
                   "programmed": {"tgn": "%s", "otherSources": "%s"}, "executed": {"tgn": "%s", "otherSources": "%s"}}]}
                """.formatted(code, efficacy, programmedTgn, programmedOther, executedTgn, executedOther);
    }

    private static String form(String... activities) {
        String small = Fixtures.smallForm();
        int start = small.indexOf("\"activities\": [") + "\"activities\": [".length();
        int end = small.indexOf("\"signatories\"");
        return small.substring(0, start) + String.join(",", activities) + "],\n  " + small.substring(end);
    }

    private static List<Run> render(String json) {
        byte[] pdf = Fixtures.poaForm()
                .render(Fixtures.utf8(json), RenderOptions.STRICT)
                .content();
        List<Run> runs = PdfRuns.of(pdf);
        assertThat(PdfRuns.overlaps(runs)).as("text drawn over other text").isEmpty();
        return runs;
    }

    /** The run printed in {@code cell} on the line of {@code label}; it must be the whole figure, inside the cell. */
    private static void assertCell(List<Run> runs, String label, Cell cell, String expected) {
        Run row = runs.stream()
                .filter(r -> r.text().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in " + runs));
        List<Run> inCell = runs.stream()
                .filter(r -> r.page() == row.page()
                        && Math.abs(r.y() - row.y()) < 4
                        && r.right() > cell.x()
                        && r.left() < cell.x() + cell.width())
                .toList();
        assertThat(inCell).as("%s on the line of %s", cell.name(), label).hasSize(1);
        Run run = inCell.get(0);
        assertThat(run.text()).as("%s on the line of %s", cell.name(), label).isEqualTo(expected);
        assertThat(run.left()).as("%s starts inside its cell", run).isGreaterThanOrEqualTo(cell.x());
        assertThat(run.right()).as("%s ends inside its cell", run).isLessThanOrEqualTo(cell.x() + cell.width());
        assertThat(run.fontSize()).as("%s is legible", run).isGreaterThanOrEqualTo(LEGIBLE);
    }

    @Test
    void theLargestAmountPrintsInFullInEveryAmountCell() {
        // Programmed in T.G.N. and executed in otras fuentes here, the other way round in the next test, so that
        // every column's line, TOTAL, TOTAL PARCIAL and TOTAL GENERAL carries the largest amount the form accepts.
        List<Run> runs = render(form(activity("01.01.01.", MAX, "0", "0", MAX, MAX_PERCENT)));
        assertCell(runs, "10000", PROGRAMMED_TGN, MAX_PRINTED);
        assertCell(runs, "10000", PROGRAMMED_OTHER, "0.00");
        assertCell(runs, "10000", EXECUTED_OTHER, MAX_PRINTED);
        assertCell(runs, "TOTAL", PROGRAMMED_TGN, MAX_PRINTED);
        assertCell(runs, "TOTAL", EXECUTED_OTHER, MAX_PRINTED);
        assertCell(runs, "PARCIAL", PROGRAMMED_TGN, MAX_PRINTED);
        assertCell(runs, "PARCIAL", EXECUTED_OTHER, MAX_PRINTED);
        assertCell(runs, "PARCIAL", PERCENT, "100.00");
        assertCell(runs, "GENERAL", GENERAL_PROGRAMMED, MAX_PRINTED);
        assertCell(runs, "GENERAL", GENERAL_EXECUTED, MAX_PRINTED);
        assertCell(runs, "01.01.01.", EFFICACY, "99,999,999.99");
        assertCell(runs, "01.01.01.", PERCENT, "100.00");
    }

    @Test
    void theLargestAmountPrintsInFullInTheOtherColumns() {
        List<Run> runs = render(form(activity("01.01.01.", "0", MAX, MAX, "0", "0")));
        assertCell(runs, "10000", PROGRAMMED_OTHER, MAX_PRINTED);
        assertCell(runs, "10000", EXECUTED_TGN, MAX_PRINTED);
        assertCell(runs, "TOTAL", PROGRAMMED_OTHER, MAX_PRINTED);
        assertCell(runs, "TOTAL", EXECUTED_TGN, MAX_PRINTED);
        assertCell(runs, "PARCIAL", PROGRAMMED_OTHER, MAX_PRINTED);
        assertCell(runs, "PARCIAL", EXECUTED_TGN, MAX_PRINTED);
        assertCell(runs, "GENERAL", GENERAL_PROGRAMMED, MAX_PRINTED);
        assertCell(runs, "GENERAL", GENERAL_EXECUTED, MAX_PRINTED);
    }

    @Test
    void theLargestPercentagePrintsInFullInColumn13() {
        // 99,999,999.99 × 100.00 / 100 = the largest % ejecución the form prints, on the activity and the totals.
        List<Run> runs = render(form(activity("01.01.01.", "100.00", "0", "99999999.99", "0", "0")));
        assertCell(runs, "01.01.01.", PERCENT, "99,999,999.99");
        assertCell(runs, "PARCIAL", PERCENT, "99,999,999.99");
        assertCell(runs, "GENERAL", PERCENT, "99,999,999.99");
    }

    @Test
    void theNineDigitCaseOfTheIssuePrintsInFullAndTotalParcialStaysClearOfTotalGeneral() {
        String amount = "123456789.50";
        List<Run> runs = render(form(activity("01.01.01.", amount, amount, amount, amount, "25")));
        for (Cell cell : List.of(PROGRAMMED_TGN, PROGRAMMED_OTHER, EXECUTED_TGN, EXECUTED_OTHER)) {
            for (String row : List.of("10000", "TOTAL", "PARCIAL")) {
                assertCell(runs, row, cell, "123,456,789.50");
            }
        }
        assertCell(runs, "GENERAL", GENERAL_PROGRAMMED, "246,913,579.00");
        assertCell(runs, "GENERAL", GENERAL_EXECUTED, "246,913,579.00");
        assertCell(runs, "PARCIAL", PERCENT, "100.00");
        assertCell(runs, "GENERAL", PERCENT, "100.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"" + MAX + "\"", MAX})
    void theLargestAmountIsAcceptedByTheSchemaAndTheReader(String amount) {
        String json = Fixtures.smallForm()
                .replace("\"tgn\": 1000.50", "\"tgn\": " + amount)
                .replace("\"tgn\": \"0.49\"", "\"tgn\": 0")
                .replace("\"otherSources\": \"200\"", "\"otherSources\": 0");
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).as("schema").isEmpty();
        assertThat(Fixtures.poaForm().validate(Fixtures.utf8(json)).errors())
                .as("reader")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"tgn\": 1000.50|\"tgn\": \"1000000000000.00\"|/activities/0/budgetLines/0/programmed/tgn",
                "\"tgn\": 1000.50|\"tgn\": 1000000000000.00|/activities/0/budgetLines/0/programmed/tgn",
                "\"otherSources\": \"200\"|\"otherSources\": 1000000000000|/activities/0/budgetLines/0/programmed/otherSources",
                "\"cumulativeEfficacyPercent\": 25|\"cumulativeEfficacyPercent\": 100000000.00|/activities/0/indicator/cumulativeEfficacyPercent",
                "\"cumulativeEfficacyPercent\": 25|\"cumulativeEfficacyPercent\": \"100000000\"|/activities/0/indicator/cumulativeEfficacyPercent",
            })
    void oneCentavoMoreIsRefusedByTheSchemaAtItsField(String edit) {
        String[] parts = edit.split("\\|");
        String json = Fixtures.smallForm().replace(parts[0], parts[1]);
        assertThat(json).isNotEqualTo(Fixtures.smallForm());
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).as("schema").isNotEmpty();
        ValidationReport report = Fixtures.poaForm().validate(Fixtures.utf8(json));
        assertThat(report.errors()).extracting(InputError::pointer).containsExactly(parts[2]);
        // The schema's money and percent are a number up to the maximum or a decimal string of so many digits; either
        // way the client reads the bound it broke (ScalarAlternative), not that no form fits.
        assertThat(report.errors().get(0).message())
                .isEqualTo(
                        parts[2].endsWith("Percent")
                                ? "must be at most 99999999.99"
                                : "must be at most 999999999999.99");
    }

    private static List<InputError> refused(String json) {
        List<InputError> validated =
                Fixtures.poaForm().validate(Fixtures.utf8(json)).errors();
        UnprintableFigureException refused = Assertions.assertThrows(
                UnprintableFigureException.class,
                () -> Fixtures.poaForm().render(Fixtures.utf8(json), RenderOptions.LENIENT));
        assertThat(refused.errors()).as("validate and render agree").isEqualTo(validated);
        return refused.errors();
    }

    @Test
    void anActivityTotalOverTheLargestAmountIsRefusedNamingIt() {
        String json = form("""
                {"code": "01.01.01.", "specificActivity": "Actividad", "startDate": "2024-01-02", "endDate": "2024-12-31",
                 "indicator": {"description": "Avance", "cumulativeEfficacyPercent": 0},
                 "budgetLines": [
                   {"expenseGroup": "10000", "programmed": {"tgn": "%1$s", "otherSources": 0}, "executed": {"tgn": 0, "otherSources": 0}},
                   {"expenseGroup": "20000", "programmed": {"tgn": "0.01", "otherSources": 0}, "executed": {"tgn": 0, "otherSources": 0}}]}
                """.formatted(MAX));
        List<InputError> errors = refused(json);
        assertThat(errors)
                .extracting(InputError::pointer)
                .containsExactly(
                        "/activities/0/declaredTotal/programmed/tgn",
                        "/declaredTotals/partial/programmed/tgn",
                        "/declaredTotals/general/programmed");
        assertThat(errors.get(0).message())
                .contains("TOTAL of activity 01.01.01.", "1,000,000,000,000.00", MAX_PRINTED);
    }

    @Test
    void totalParcialOverTheLargestAmountIsRefusedNamingIt() {
        List<InputError> errors = refused(
                form(activity("01.01.01.", "0", "0", MAX, "0", "0"), activity("01.01.02.", "0", "0", "1", "0", "0")));
        assertThat(errors)
                .extracting(InputError::pointer)
                .containsExactly("/declaredTotals/partial/executed/tgn", "/declaredTotals/general/executed");
    }

    @Test
    void totalGeneralOverTheLargestAmountIsRefusedNamingIt() {
        List<InputError> errors = refused(form(activity("01.01.01.", MAX, "0.01", "0", "0", "0")));
        assertThat(errors).extracting(InputError::pointer).containsExactly("/declaredTotals/general/programmed");
        assertThat(errors.get(0).message()).contains("TOTAL GENERAL", "1,000,000,000,000.00");
    }

    @Test
    void aPercentageOverTheLargestIsRefusedNamingIt() {
        List<InputError> errors = refused(form(activity("01.01.01.", "0.01", "0", "1000000", "0", "0")));
        assertThat(errors)
                .extracting(InputError::pointer)
                .containsExactly(
                        "/activities/0/declaredTotal/executionPercent", "/declaredTotals/general/executionPercent");
    }

    @Test
    void theLargestFiguresAreWhatTheSchemaStates() {
        assertThat(PrintableFigures.MAX_AMOUNT).isEqualByComparingTo(new BigDecimal(MAX));
        assertThat(PrintableFigures.MAX_PERCENT).isEqualByComparingTo(new BigDecimal(MAX_PERCENT));
        String schema = Fixtures.poaForm().jsonSchema();
        assertThat(schema).contains("\"maximum\": " + MAX, "\"maximum\": " + MAX_PERCENT);
    }
}
