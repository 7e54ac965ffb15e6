package io.sello.spreadsheet;

import io.sello.document.DocumentTooLargeException;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.input.LimitsProperties;
import io.sello.support.Fixtures;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17 §2: one sheet of the template saved as CSV by a spreadsheet program comes back as that list's JSON, each
 * cell checked as in the workbook. The files are written here as Excel and LibreOffice write them.
 */
class CsvImportTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HEADER = String.join(
            ";", TemplateWriter.headers(SheetLayout.of(Fixtures.poaForm().jsonSchema()), 0));
    private final WorkbookImport imports = new WorkbookImport(limits(100_000));

    private static LimitsProperties limits(int maxItems) {
        return new LimitsProperties(null, null, null, null, null, maxItems, null, null, null);
    }

    private JsonNode read(String csv, Charset charset) {
        return JSON.readTree(
                imports.readCsv(Fixtures.poaForm(), csv.getBytes(charset)).json());
    }

    /** Seed 000's activities, as Excel in a Spanish locale saves the Actividades sheet: ; 1.237.022,00 Windows-1252. */
    @Test
    void seed000sActivitiesSavedAsASpanishExcelCsvComeBackExactly() {
        JsonNode example = JSON.readTree(Fixtures.poaForm().example());
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (JsonNode activity : example.get("activities")) {
            List<String> fields = new ArrayList<>(List.of(
                    "",
                    text(activity.path("code")),
                    text(activity.path("operation")),
                    text(activity.path("specificActivity")),
                    dmy(activity.path("startDate")),
                    dmy(activity.path("endDate")),
                    text(activity.at("/indicator/description")),
                    comma(activity.at("/indicator/cumulativeEfficacyPercent"))));
            for (String figure :
                    List.of("/programmed/tgn", "/programmed/otherSources", "/executed/tgn", "/executed/otherSources")) {
                fields.add(comma(activity.at("/declaredTotal" + figure)));
            }
            fields.add(comma(activity.at("/declaredTotal/executionPercent")));
            csv.append(String.join(
                            ";", fields.stream().map(CsvImportTest::quoted).toList()))
                    .append("\r\n");
        }
        JsonNode read = read(csv.toString(), Charset.forName("windows-1252"));

        assertThat(read.propertyNames()).containsExactly("activities");
        ArrayNode expected = JSON.createArrayNode();
        for (JsonNode activity : example.get("activities")) {
            ObjectNode copy = (ObjectNode) activity.deepCopy();
            copy.remove("budgetLines"); // they live in their own sheet, which a CSV of this one does not carry
            if (copy.path("operation").stringValue("x").isEmpty()) {
                copy.remove("operation"); // an empty cell is an absent value, as in the workbook
            }
            expected.add(copy);
        }
        assertThat(read.get("activities")).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(read.get("activities").get(i)).as("activity %d", i).isEqualTo(expected.get(i));
        }
        // accents through Windows-1252, and 2.290.698,00 read as the amount it is
        assertThat(read.toString()).contains("Previas de Importación", "\"tgn\":\"2290698.00\"");
    }

    @Test
    void aLibreOfficeCsvWithCommasQuotesAndALineBreakInAFieldReadsAsWritten() {
        String header = String.join(
                ",",
                TemplateWriter.headers(SheetLayout.of(Fixtures.poaForm().jsonSchema()), 0).stream()
                        .map(CsvImportTest::quoted)
                        .toList());
        String csv = header + "\n"
                + ",01.01,\"Gestión, \"\"primera\"\" etapa\",\"Línea 1\nLínea 2\",02/01/2020,2020-12-31,Avance,50,\"1,237,022.00\",0,617.25,0,50\n";
        JsonNode activity = read(csv, StandardCharsets.UTF_8).at("/activities/0");

        assertThat(activity.get("operation").stringValue()).isEqualTo("Gestión, \"primera\" etapa");
        assertThat(activity.get("specificActivity").stringValue()).isEqualTo("Línea 1\nLínea 2");
        assertThat(activity.get("startDate").stringValue()).isEqualTo("2020-01-02");
        assertThat(activity.get("endDate").stringValue()).isEqualTo("2020-12-31");
        assertThat(activity.at("/declaredTotal/programmed/tgn").stringValue()).isEqualTo("1237022.00");
        assertThat(activity.at("/declaredTotal/executed/tgn").stringValue()).isEqualTo("617.25");
        assertThat(activity.at("/indicator/cumulativeEfficacyPercent").stringValue())
                .isEqualTo("50.00");
    }

    @Test
    void aBadCellNamesItsRowColumnAndPointerAndNothingIsRounded() {
        String csv = HEADER + "\n;01.01;Op;Act;02/01/2020;31/12/2020;Ind;50;mil;0;0;0;0\n"
                + ";01.02;Op;Act;31/02/2020;31/12/2020;Ind;50;1237022,004;0;0;0;0\n";
        assertThatThrownBy(() -> read(csv, StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(InputError::pointer, InputError::message)
                                .contains(
                                        Tuple.tuple(
                                                "/activities/0/declaredTotal/programmed/tgn",
                                                "Sheet Actividades, row 2, column I (TOTAL declarado de la actividad · Programado · T.G.N.): expected an amount but got \"mil\""),
                                        Tuple.tuple(
                                                "/activities/1/startDate",
                                                "Sheet Actividades, row 3, column E ((4) FECHA INICIO): expected a date dd/mm/yyyy but got \"31/02/2020\""),
                                        Tuple.tuple(
                                                "/activities/1/declaredTotal/programmed/tgn",
                                                "Sheet Actividades, row 3, column I (TOTAL declarado de la actividad · Programado · T.G.N.): expected at most 2 decimal places but got 1237022.004 (nothing is rounded)")));
    }

    @Test
    void aFileWhoseFirstRowIsNoListsHeaderIsRefusedNamingTheLists() {
        assertThatThrownBy(() -> read("Código;Nombre\n1;Ana\n", StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(SpreadsheetRefusedException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.getMessage())
                            .contains("Actividades", "RESPONSABLES DE LA INFORMACIÓN")
                            .doesNotContain("Partidas por grupo de gasto"); // a child list has no CSV of its own
                });
        assertThatThrownBy(() -> read(HEADER + "\n;\"01.01;Op\n", StandardCharsets.UTF_8))
                .isInstanceOf(SpreadsheetRefusedException.class)
                .hasMessageContaining("could not be read");
    }

    @Test
    void moreRowsThanTheItemLimitAreRefusedAsTheyArrive() {
        WorkbookImport small = new WorkbookImport(limits(3));
        String csv = HEADER + "\n" + ";01.01;Op;Act;02/01/2020;31/12/2020;Ind;50;0;0;0;0;0\n".repeat(5);
        assertThatThrownBy(() -> small.readCsv(Fixtures.poaForm(), csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        DocumentTooLargeException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/activities"));
    }

    @Test
    void theAnswerSaysItHoldsOneListOnly() {
        String csv = HEADER + "\n;01.01;Op;Act;02/01/2020;31/12/2020;Ind;50;0;0;0;0;0\n";
        assertThat(imports.readCsv(Fixtures.poaForm(), csv.getBytes(StandardCharsets.UTF_8))
                        .warnings())
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.pointer()).isEqualTo("/activities");
                    assertThat(w.message()).contains("sheet Actividades only");
                });
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() ? "" : value.stringValue();
    }

    private static String dmy(JsonNode isoDate) {
        if (isoDate.isMissingNode()) {
            return "";
        }
        String[] parts = isoDate.stringValue().split("-");
        return parts[2] + "/" + parts[1] + "/" + parts[0];
    }

    /** 1237022.00 → 1.237.022,00, as a Spanish-locale spreadsheet program writes it. */
    private static String comma(JsonNode amount) {
        if (amount.isMissingNode()) {
            return "";
        }
        String plain =
                amount.isString() ? amount.stringValue() : amount.decimalValue().toPlainString();
        String[] parts = plain.split("\\.");
        StringBuilder grouped = new StringBuilder(parts[0]);
        for (int i = grouped.length() - 3; i > 0; i -= 3) {
            grouped.insert(i, '.');
        }
        return parts.length > 1 ? grouped + "," + parts[1] : grouped.toString();
    }

    private static String quoted(String field) {
        return field.contains(";") || field.contains(",") || field.contains("\"") || field.contains("\n")
                ? "\"" + field.replace("\"", "\"\"") + "\""
                : field;
    }
}
