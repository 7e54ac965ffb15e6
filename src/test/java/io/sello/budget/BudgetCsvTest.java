package io.sello.budget;

import io.sello.document.OutputFormat;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV, parsed back with an independent RFC 4180 reader: one line per cell, plain numbers. */
class BudgetCsvTest {

    static List<Path> examples() throws IOException {
        return SeedReconciliationTest.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyCellComesBackAsTheComputedFigure(Path example) throws IOException {
        byte[] json = Files.readAllBytes(example);
        RenderedDocument csv = Fixtures.types()
                .find("budget-summary")
                .orElseThrow()
                .render(json, RenderOptions.LENIENT.as(OutputFormat.CSV));
        List<List<String>> records = parse(new String(csv.content(), StandardCharsets.UTF_8));
        assertThat(records.get(0)).isEqualTo(BudgetCsv.HEADER);
        ReconciledBudgets budgets = BudgetSummaryType.reconcile(Budgets.summary(json));
        int line = 1;
        for (String pointer : budgets.byPointer().keySet()) {
            ComputedBudget computed = budgets.computed(pointer);
            PrintedBudget printed = budgets.printed(pointer);
            BudgetTable table = computed.table();
            for (int r = 0; r < table.rows().size(); r++) {
                BudgetRow row = table.rows().get(r);
                int cells = row.kind() == BudgetRow.Kind.HEADING
                        ? 1
                        : table.columns().size();
                for (int c = 0; c < cells; c++) {
                    List<String> record = records.get(line++);
                    assertThat(record).hasSize(BudgetCsv.HEADER.size());
                    assertThat(record.get(0)).isEqualTo(table.id());
                    assertThat(record.get(1)).isEqualTo(String.valueOf(r + 1));
                    assertThat(record.get(4)).isEqualTo(row.label());
                    if (row.kind() == BudgetRow.Kind.HEADING) {
                        continue;
                    }
                    Figure figure = computed.figure(r, c);
                    BudgetColumn column = table.columns().get(c);
                    assertThat(record.get(5)).isEqualTo(column.key());
                    assertThat(record.get(13))
                            .isEqualTo(
                                    column.year() == null ? "" : column.year().toString());
                    if (figure.kind() == BudgetCell.Kind.AMOUNT) {
                        assertThat(new BigDecimal(record.get(8))).isEqualByComparingTo(computed.shown(r, c));
                    } else {
                        assertThat(record.get(8)).isEmpty();
                    }
                    if (printed.cell(r, c).kind() == BudgetCell.Kind.AMOUNT) {
                        assertThat(new BigDecimal(record.get(15))).isEqualByComparingTo(printed.amount(r, c));
                    } else {
                        assertThat(record.get(15)).isEmpty();
                    }
                }
            }
        }
        assertThat(records).hasSize(line);
        long classified =
                records.stream().skip(1).filter(r -> !r.get(12).isEmpty()).count();
        assertThat(classified).isEqualTo(budgets.mismatches().size());
    }

    @Test
    void valueIsTheComputedFigureAndPrintedWhatThePdfPrints() {
        byte[] json = Fixtures.read(Path.of("examples/budget-summary/resumen-subproyectos.json"));
        List<List<String>> records = parse(new String(
                Fixtures.types()
                        .find("budget-summary")
                        .orElseThrow()
                        .render(json, RenderOptions.STRICT.as(OutputFormat.CSV))
                        .content(),
                StandardCharsets.UTF_8));
        List<String> total = records.stream()
                .filter(r -> r.get(4).equals("Total") && r.get(5).equals("usd"))
                .findFirst()
                .orElseThrow();
        assertThat(total.subList(8, 13)).containsExactly("1288583", "", "1288584", "1", "rounding");
        assertThat(total.get(15)).isEqualTo("1288584");
        List<String> prosur = records.stream()
                .filter(r -> r.get(4).equals("PROSUR") && r.get(5).equals("available"))
                .findFirst()
                .orElseThrow();
        assertThat(prosur.get(8)).isEqualTo("15710");
        assertThat(prosur.get(15)).isEqualTo("15710");
    }

    @Test
    void textThatASpreadsheetWouldRunIsNeutralised() {
        assertThat(BudgetCsv.field("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(BudgetCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(BudgetCsv.field("-23940")).isEqualTo("-23940");
        assertThat(BudgetCsv.field("+1")).isEqualTo("'+1");
        assertThat(BudgetCsv.field("Dirección, diálogo pol.")).isEqualTo("\"Dirección, diálogo pol.\"");
    }

    /** RFC 4180: fields separated by commas, quoted when needed, "" inside quotes, CRLF between records. */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        assertThat(field).isEmpty();
        assertThat(record).isEmpty();
        return records;
    }
}
