package io.sello.spreadsheet;

import io.sello.document.DocumentTooLargeException;
import io.sello.document.DocumentType;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.document.OutputFormat;
import io.sello.document.RenderOptions;
import io.sello.document.Warning;
import io.sello.spreadsheet.SheetLayout.Kind;
import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema-driven template and its inverse, without a server: every type's template, the form's example round trip, bad cells. */
class WorkbookRoundTripTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SheetLayout layout(String type) {
        return SheetLayout.of(Fixtures.types().find(type).orElseThrow().jsonSchema());
    }

    private static XSSFWorkbook open(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    @Test
    void theFormsTemplateHasTheSheetsHeadersValidationsAndNotesOfItsSchema() throws Exception {
        DocumentType form = Fixtures.poaForm();
        byte[] xlsx = TemplateWriter.template(layout("poa-execution-form"), JSON.readTree(form.example()));
        try (XSSFWorkbook workbook = open(xlsx)) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets)
                    .containsExactly(
                            "Datos generales",
                            "Actividades",
                            "Partidas por grupo de gasto",
                            "RESPONSABLES DE LA INFORMACIÓN",
                            "Ejemplo");

            XSSFSheet general = workbook.getSheet("Datos generales");
            assertThat(general.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Encabezado · Institución");
            assertThat(general.getRow(1).getCell(0).getCellComment().getString().getString())
                    .startsWith("Ministerio, primera línea");
            assertThat(validation(general, 8, 1)).isEqualTo(ValidationType.DATE); // Fecha de Corte
            assertThat(general.getRow(8).getCell(0).getStringCellValue()).isEqualTo("Encabezado · Fecha de Corte");
            assertThat(validation(general, 7, 1)).isEqualTo(ValidationType.INTEGER); // Gestión del POA

            XSSFSheet activities = workbook.getSheet("Actividades");
            assertThat(headers(activities))
                    .containsExactly(
                            "N.º",
                            "(1) CÓDIGO",
                            "(2) OPERACIÓN",
                            "(3) ACTIVIDAD ESPECÍFICA",
                            "(4) FECHA INICIO",
                            "(5) FECHA FIN",
                            "INDICADOR · (7) DESCRIPCIÓN",
                            "INDICADOR · (8) EFICACIA ACUMULADA EN %",
                            "TOTAL declarado de la actividad · Programado · T.G.N.",
                            "TOTAL declarado de la actividad · Programado · Otras fuentes",
                            "TOTAL declarado de la actividad · Ejecutado · T.G.N.",
                            "TOTAL declarado de la actividad · Ejecutado · Otras fuentes",
                            "TOTAL declarado de la actividad · % ejecución");
            assertThat(activities
                            .getRow(0)
                            .getCell(4)
                            .getCellComment()
                            .getString()
                            .getString())
                    .contains("dd/mm/aaaa");
            assertThat(validation(activities, 1, 4)).isEqualTo(ValidationType.DATE);
            assertThat(validation(activities, 1, 7)).isEqualTo(ValidationType.DECIMAL);
            assertThat(validation(activities, 1, 1)).isNull(); // a code is text

            XSSFSheet lines = workbook.getSheet("Partidas por grupo de gasto");
            assertThat(headers(lines))
                    .containsExactly(
                            "Actividad N.º",
                            "GRUPO DE GASTO",
                            "PROGRAMADO · T.G.N.",
                            "PROGRAMADO · Otras fuentes",
                            "EJECUTADO · T.G.N.",
                            "EJECUTADO · Otras fuentes");
            DataValidation amount = validationOf(lines, 1, 2);
            assertThat(amount.getValidationConstraint().getFormula1()).isEqualTo("0");
            assertThat(amount.getValidationConstraint().getFormula2()).isEqualTo("999999999999.99");
            assertThat(amount.getErrorBoxText()).contains("hasta 2 decimales");
            assertThat(lines.getColumnStyle(2).getDataFormatString()).isEqualTo("#,##0.00");

            XSSFSheet signatories = workbook.getSheet("RESPONSABLES DE LA INFORMACIÓN");
            assertThat(headers(signatories)).containsExactly("Función", "NOMBRE", "CARGO");
            DataValidation roles = validationOf(signatories, 1, 0);
            assertThat(roles.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
            assertThat(roles.getValidationConstraint().getExplicitListValues())
                    .containsExactly("ELABORADO", "REVISADO", "APROBADO");

            String example = text(workbook.getSheet("Ejemplo"));
            assertThat(example)
                    .contains(
                            "SENAVEX", "Hoja Actividades", "04.01.02.", "1237022", "Hoja Partidas por grupo de gasto");
        }
    }

    @Test
    void everyTypeHasATemplateWhoseSheetNamesExcelAccepts() throws Exception {
        for (DocumentType type : Fixtures.types().all()) {
            SheetLayout layout = SheetLayout.of(type.jsonSchema());
            byte[] xlsx = TemplateWriter.template(layout, JSON.readTree(type.example()));
            try (XSSFWorkbook workbook = open(xlsx)) {
                assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Datos generales");
                assertThat(workbook.getSheetAt(workbook.getNumberOfSheets() - 1).getSheetName())
                        .isEqualTo("Ejemplo");
                assertThat(workbook.getNumberOfSheets())
                        .as(type.id().value())
                        .isEqualTo(layout.tables().size() + 2);
                for (int i = 0; i < layout.tables().size(); i++) {
                    XSSFSheet sheet = workbook.getSheet(layout.tables().get(i).sheetName());
                    assertThat(sheet.getSheetName())
                            .hasSizeLessThanOrEqualTo(31)
                            .doesNotContainPattern("[\\[\\]:*?/\\\\]");
                    assertThat(headers(sheet)).isEqualTo(TemplateWriter.headers(layout, i));
                    assertThat(sheet.getRow(0)
                                    .getCell(headers(sheet).size() - 1)
                                    .getCellComment())
                            .isNotNull();
                }
            }
        }
        SheetLayout budget = layout("budget-summary");
        assertThat(budget.tables())
                .extracting(SheetLayout.Table::sheetName)
                .contains("Tablas", "Columnas", "Filas", "RESPONSABLES DE LA INFORMACIÓN");
        assertThat(budget.tables().stream()
                        .filter(t -> t.sheetName().equals("Columnas"))
                        .findFirst()
                        .orElseThrow()
                        .columns())
                .anySatisfy(c -> {
                    assertThat(c.header()).isEqualTo("Conversión · Tipo de cambio · Valor");
                    assertThat(c.kind()).isEqualTo(Kind.DECIMAL);
                    assertThat(c.places()).isNull();
                    assertThat(c.asString()).isTrue();
                });
        assertThat(layout("operational-plan").omitted()).contains("/sections/[]/blocks", "/sections/[]/sections");
    }

    @Test
    void theFormsExampleFilledInTheSheetsReadsBackAsTheSameJson() throws Exception {
        SheetLayout layout = layout("poa-execution-form");
        JsonNode example = JSON.readTree(Fixtures.poaForm().example());
        WorkbookReader.Result read = WorkbookReader.read(layout, TemplateWriter.filled(layout, example), 100_000);
        assertThat(normalized(read.document())).isEqualTo(normalized(example));
        assertThat(read.locations().get("/activities/1/budgetLines/0/programmed/tgn"))
                .isEqualTo(new WorkbookReader.Location("Partidas por grupo de gasto", 2, "C", "PROGRAMADO · T.G.N."));
        assertThat(Fixtures.poaForm()
                        .validate(JSON.writeValueAsBytes(read.document()))
                        .errors())
                .isEmpty();
    }

    /**
     * Every example of the types the workbook holds whole (the form, every budget summary) written into the sheets and
     * read back is the same JSON; the budget with a conversion column (CHF to US$) renders the same PDF from it.
     */
    @Test
    void everyFormAndBudgetExampleReadsBackFromItsSheetsAndRendersTheSame() throws Exception {
        for (String type : new String[] {"poa-execution-form", "budget-summary"}) {
            SheetLayout layout = layout(type);
            assertThat(layout.omitted()).as(type).isEmpty();
            try (var files = Files.list(Path.of("examples", type))) {
                for (Path file : files.sorted().toList()) {
                    JsonNode example = JSON.readTree(Fixtures.read(file));
                    JsonNode back = WorkbookReader.read(layout, TemplateWriter.filled(layout, example), 100_000)
                            .document();
                    assertThat(normalized(back)).as(file.toString()).isEqualTo(normalized(example));
                }
            }
        }
        SheetLayout budget = layout("budget-summary");
        assertThat(budget.tables())
                .extracting(SheetLayout.Table::sheetName)
                .contains("Importes de entrada", "Cifras declaradas");
        JsonNode converted =
                JSON.readTree(Fixtures.read(Path.of("examples/budget-summary/anexo-1-bienes-y-servicios.json")));
        assertThat(converted.at("/tables/0/columns").toString()).contains("\"convert\"");
        JsonNode back = WorkbookReader.read(budget, TemplateWriter.filled(budget, converted), 100_000)
                .document();
        DocumentType type = Fixtures.types().find("budget-summary").orElseThrow();
        RenderOptions pdf = new RenderOptions(false, OutputFormat.PDF);
        assertThat(PdfDocument.of(type.render(JSON.writeValueAsBytes(back), pdf).content())
                        .text())
                .isEqualTo(PdfDocument.of(type.render(JSON.writeValueAsBytes(converted), pdf)
                                .content())
                        .text());
    }

    @Test
    void aBadCellIsNamedBySheetRowAndColumnWithItsPointer() throws Exception {
        byte[] xlsx = personFills(workbook -> {
            Row row = workbook.getSheet("Partidas por grupo de gasto").createRow(6);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue("20000");
            row.createCell(2).setCellValue("mil");
        });
        assertThatThrownBy(() -> WorkbookReader.read(layout("poa-execution-form"), xlsx, 100_000))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(
                        e -> assertThat(((InvalidInputException) e).errors())
                                .contains(
                                        new InputError(
                                                "/activities/0/budgetLines/0/programmed/tgn",
                                                "Sheet Partidas por grupo de gasto, row 7, column C (PROGRAMADO · T.G.N.): expected an amount but got \"mil\"")));
    }

    @Test
    void aFormulaIsReadAsItsSavedValueAndAnOverPreciseAmountIsRefused() throws Exception {
        SheetLayout layout = layout("poa-execution-form");
        byte[] formula = personFills(workbook -> {
            Row row = workbook.getSheet("Partidas por grupo de gasto").createRow(1);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue("20000");
            Cell tgn = row.createCell(2);
            tgn.setCellFormula("1000+234.5");
            tgn.setCellValue(1234.5); // what the spreadsheet program saved; the server never evaluates the formula
            Cell other = row.createCell(3);
            other.setCellFormula("NOW()*0"); // volatile: would give a different value if evaluated
            other.setCellValue(7);
            row.createCell(4).setCellValue(0);
            row.createCell(5).setCellValue(0);
        });
        JsonNode line = WorkbookReader.read(layout, formula, 100_000).document().at("/activities/0/budgetLines/0");
        assertThat(line.at("/programmed/tgn").stringValue()).isEqualTo("1234.50");
        assertThat(line.at("/programmed/otherSources").stringValue()).isEqualTo("7.00");

        byte[] precise = personFills(workbook -> {
            Row row = workbook.getSheet("Partidas por grupo de gasto").createRow(1);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue("20000");
            row.createCell(2).setCellValue(1237022.004);
        });
        assertThatThrownBy(() -> WorkbookReader.read(layout, precise, 100_000))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(
                                ((InvalidInputException) e).errors().get(0).message())
                        .isEqualTo("Sheet Partidas por grupo de gasto, row 2, column C (PROGRAMADO · T.G.N.):"
                                + " expected at most 2 decimal places but got 1237022.004 (nothing is rounded)"));
    }

    /** An external link (a DDE or workbook link) and an embedded OLE object: read past, reported, never followed or run. */
    @Test
    void linksAndEmbeddedObjectsAreIgnoredWithAWarning() throws Exception {
        byte[] xlsx = personFills(workbook -> {
            try {
                workbook.linkExternalWorkbook("http://127.0.0.1:9/otro.xlsx", new XSSFWorkbook());
                workbook.addOlePackage(new byte[] {'M', 'Z', 0, 0}, "programa", "programa.exe", "programa.exe");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        WorkbookReader.Result read = WorkbookReader.read(layout("poa-execution-form"), xlsx, 100_000);
        assertThat(read.warnings())
                .extracting(Warning::code)
                .containsExactly("spreadsheet-links-ignored", "spreadsheet-objects-ignored");
        assertThat(read.document().at("/header/acronym").stringValue()).isEqualTo("SIGLA");
    }

    @Test
    void moreListItemsThanTheLimitAre422() throws Exception {
        byte[] xlsx = personFills(workbook -> {
            for (int r = 2; r <= 4; r++) {
                workbook.getSheet("Actividades").createRow(r).createCell(1).setCellValue("0" + r);
            }
        });
        assertThatThrownBy(() -> WorkbookReader.read(layout("poa-execution-form"), xlsx, 2))
                .isInstanceOf(DocumentTooLargeException.class);
    }

    @Test
    void aZipBombIsRefusedQuicklyAndAMacroWorkbookIsRefused() throws Exception {
        byte[] template = TemplateWriter.template(layout("poa-execution-form"), null);
        byte[] bomb = zipBomb();
        assertThat(bomb.length).isLessThan(1_000_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> WorkbookReader.read(layout("poa-execution-form"), bomb, 100_000))
                .isInstanceOf(SpreadsheetRefusedException.class)
                .satisfies(e -> assertThat(
                                ((SpreadsheetRefusedException) e).status().value())
                        .isEqualTo(413));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);

        // What Excel saves as .xlsm: the workbook part's macro-enabled content type and a vbaProject part.
        // A shared-strings part that inflates to 1 GB (about 1 MB on the wire): stopped at the first checks, in
        // seconds.
        byte[] strings = zipBomb("xl/sharedStrings.xml", "sst", "si", 1024);
        assertThat(strings.length).isLessThan(2_000_000);
        start = System.nanoTime();
        assertThatThrownBy(() -> WorkbookReader.read(layout("poa-execution-form"), strings, 100_000))
                .isInstanceOf(SpreadsheetRefusedException.class)
                .satisfies(e -> assertThat(
                                ((SpreadsheetRefusedException) e).status().value())
                        .isEqualTo(413));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);

        byte[] macro = replacePart(
                addPart(template, "xl/vbaProject.bin", new byte[] {1, 2, 3}), "[Content_Types].xml", out -> {
                    String types = new String(contentTypes(template), StandardCharsets.UTF_8)
                            .replace(
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                    "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                            .replace(
                                    "<Default ",
                                    "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/><Default ");
                    out.write(types.getBytes(StandardCharsets.UTF_8));
                });
        assertThatThrownBy(() -> WorkbookReader.read(layout("poa-execution-form"), macro, 100_000))
                .isInstanceOf(SpreadsheetRefusedException.class)
                .hasMessageContaining("macro-enabled");
        assertThatThrownBy(() -> WorkbookReader.read(layout("poa-execution-form"), "{\"a\":1}".getBytes(), 100_000))
                .isInstanceOf(SpreadsheetRefusedException.class)
                .hasMessageContaining("not an XLSX workbook");
    }

    /** The form's template whose Actividades sheet XML inflates to 200 MB of blanks, in a file of about 200 KB. */
    static byte[] zipBomb() throws IOException {
        return zipBomb("xl/worksheets/sheet2.xml", "worksheet", "sheetData", 200);
    }

    /** The form's template with {@code part} replaced by an element {@code outer} holding {@code megabytes} MB of blanks. */
    static byte[] zipBomb(String part, String root, String inner, int megabytes) throws IOException {
        return replacePart(TemplateWriter.template(layout("poa-execution-form"), null), part, out -> {
            out.write(("<?xml version=\"1.0\"?><" + root
                            + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><" + inner + ">")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                out.write(blanks);
            }
            out.write(("</" + inner + "></" + root + ">").getBytes(StandardCharsets.UTF_8));
        });
    }

    /** The form's template with the smallest valid header and one activity, changed by {@code change} as a person would. */
    static byte[] personFills(Consumer<XSSFWorkbook> change) throws IOException {
        SheetLayout layout = layout("poa-execution-form");
        try (XSSFWorkbook workbook = open(TemplateWriter.template(layout, null))) {
            XSSFSheet general = workbook.getSheet("Datos generales");
            String[] values = {
                "MINISTERIO",
                "PROGRAMA",
                "SEGUIMIENTO",
                "FORMULARIO N.5.B",
                "POA 2024",
                "ÁREA",
                null,
                null,
                "41",
                "SIGLA"
            };
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    general.getRow(i + 1).getCell(1).setCellValue(values[i]);
                }
            }
            general.getRow(7).getCell(1).setCellValue(2024);
            general.getRow(8).getCell(1).setCellValue(LocalDate.of(2024, 6, 30));
            Row activity = workbook.getSheet("Actividades").createRow(1);
            activity.createCell(1).setCellValue("01.01");
            activity.createCell(3).setCellValue("Actividad");
            activity.createCell(4).setCellValue("02/01/2024");
            activity.createCell(5).setCellValue(LocalDate.of(2024, 12, 31));
            activity.createCell(6).setCellValue("Avance");
            activity.createCell(7).setCellValue(50);
            change.accept(workbook);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private interface PartWriter {
        void write(ZipOutputStream out) throws IOException;
    }

    private static byte[] replacePart(byte[] xlsx, String name, PartWriter content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(9);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    content.write(out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] contentTypes(byte[] xlsx) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals("[Content_Types].xml")) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalStateException("no [Content_Types].xml");
    }

    private static byte[] addPart(byte[] xlsx, String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** The {@link ValidationType} constant of the validation covering the cell, {@code null} for none. */
    private static Integer validation(XSSFSheet sheet, int row, int col) {
        DataValidation validation = validationOf(sheet, row, col);
        return validation == null ? null : validation.getValidationConstraint().getValidationType();
    }

    private static DataValidation validationOf(XSSFSheet sheet, int row, int col) {
        return sheet.getDataValidations().stream()
                .filter(v -> Arrays.stream(v.getRegions().getCellRangeAddresses())
                        .anyMatch(range -> range.isInRange(row, col)))
                .findFirst()
                .orElse(null);
    }

    private static List<String> headers(XSSFSheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    private static String text(XSSFSheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> text.append(
                        cell.getCellType() == CellType.NUMERIC ? ((XSSFCell) cell).getRawValue() : cell.toString())
                .append('|')));
        return text.toString();
    }

    /** The same document whatever the spelling: no $schema, no empty texts, lists or objects, amounts compared by value. */
    public static JsonNode normalized(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (String name : node.propertyNames()) {
                JsonNode value = normalized(node.get(name));
                if (!name.equals("$schema") && value != null) {
                    copy.set(name, value);
                }
            }
            return copy.isEmpty() ? null : copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(normalized(item)));
            return copy.isEmpty() ? null : copy;
        }
        if (node.isString() && node.stringValue().isEmpty()) {
            return null;
        }
        if (node.isNumber() || node.isString() && node.stringValue().matches("-?\\d+(\\.\\d+)?")) {
            return JSON.getNodeFactory()
                    .numberNode(
                            new BigDecimal(node.isNumber() ? node.decimalValue().toPlainString() : node.stringValue())
                                    .stripTrailingZeros());
        }
        return node;
    }
}
