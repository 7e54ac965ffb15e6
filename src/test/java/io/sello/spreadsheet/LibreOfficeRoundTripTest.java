package io.sello.spreadsheet;

import io.sello.input.LimitsProperties;
import io.sello.support.Fixtures;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: files a real spreadsheet program wrote, not only POI. LibreOffice Calc (headless, installed by
 * scripts/test.sh) opens the template filled with seed 000 and saves it again as .xlsx, and saves its Actividades sheet
 * as CSV: both import as seed 000. LibreOffice writes its own styles, shared strings and number formats, so this is
 * what a person's "open, fill, save" gives.
 */
@SlowTest
class LibreOfficeRoundTripTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WorkbookImport IMPORTS =
            new WorkbookImport(new LimitsProperties(null, null, null, null, null, null, null, null, null));

    @TempDir
    static Path dir;

    private static Path filled;

    @BeforeAll
    static void writeTheFilledTemplate() throws IOException {
        filled = dir.resolve("planilla.xlsx");
        Files.write(filled, SpreadsheetMessages.seed000Workbook());
    }

    @Test
    void aWorkbookSavedAgainByLibreOfficeCalcImportsAsSeed000() throws Exception {
        Path saved = convert("xlsx:Calc MS Excel 2007 XML", "resaved", "resaved.xlsx");
        assertThat(Files.readAllBytes(saved)).isNotEqualTo(Files.readAllBytes(filled)); // really rewritten

        JsonNode imported =
                JSON.readTree(IMPORTS.read(Fixtures.poaForm(), Files.readAllBytes(saved), WorkbookImport.XLSX)
                        .json());

        assertThat(WorkbookRoundTripTest.normalized(imported))
                .isEqualTo(WorkbookRoundTripTest.normalized(JSON.readTree(Fixtures.seedExample())));
        assertThat(imported.at("/activities/1/budgetLines/0/programmed/tgn").stringValue())
                .isEqualTo("1237022.00");
    }

    @Test
    void theActividadesSheetSavedAsCsvByLibreOfficeImportsAsSeed000sActivities() throws Exception {
        // ; as delimiter, " as quote, UTF-8, from row 1, …, cells as shown (1,237,022.00 in this locale), sheet 2
        Path csv = convert(
                "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false,2",
                "actividades",
                "actividades-Actividades.csv"); // one sheet chosen: LibreOffice adds its name to the file's
        assertThat(Files.readString(csv)).contains(";").contains("2,290,698.00");

        JsonNode imported = JSON.readTree(
                IMPORTS.readCsv(Fixtures.poaForm(), Files.readAllBytes(csv)).json());

        ArrayNode expected = JSON.createArrayNode();
        for (JsonNode activity : JSON.readTree(Fixtures.seedExample()).get("activities")) {
            ObjectNode copy = (ObjectNode) activity.deepCopy();
            copy.remove("budgetLines"); // in their own sheet
            expected.add(copy);
        }
        assertThat(WorkbookRoundTripTest.normalized(imported.get("activities")))
                .isEqualTo(WorkbookRoundTripTest.normalized(expected));
    }

    /** {@code soffice --convert-to}, in its own profile folder so that runs never share (or lock) one. */
    private static Path convert(String filter, String name, String written) throws Exception {
        Path out = Files.createDirectories(dir.resolve(name));
        Path profile = dir.resolve("profile-" + name);
        Path input = dir.resolve(name + ".xlsx");
        Files.copy(filled, input);
        Process soffice = new ProcessBuilder(
                        "soffice",
                        "-env:UserInstallation=" + profile.toUri(),
                        "--headless",
                        "--norestore",
                        "--convert-to",
                        filter,
                        "--outdir",
                        out.toString(),
                        input.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
        assertThat(soffice.waitFor(180, TimeUnit.SECONDS))
                .as("LibreOffice finished")
                .isTrue();
        Path result = out.resolve(written);
        assertThat(result)
                .as("LibreOffice wrote %s: %s", result, Files.readString(dir.resolve(name + ".log")))
                .exists();
        return result;
    }
}
