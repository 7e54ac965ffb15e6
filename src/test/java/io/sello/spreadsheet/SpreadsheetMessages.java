package io.sello.spreadsheet;

import io.sello.document.DocumentTooLargeException;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.input.LimitsProperties;
import io.sello.signing.PdfLimits;
import io.sello.signing.PdfRefusedException;
import io.sello.signing.UploadedPdf;
import io.sello.support.Fixtures;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.pdmodel.interactive.form.PDXFAResource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Every message the spreadsheet import produces, each from a workbook that really produces it, for
 * {@code io.sello.web.MessageHarvest} (SpanishMessagesTest checks each reads in Spanish).
 */
public final class SpreadsheetMessages {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** English message → the case that produced it. */
    public final Map<String, String> english = new LinkedHashMap<>();
    /** What the controller answers for refused workbooks. */
    public final List<ProblemDetail> problems = new ArrayList<>();
    /** Invalid workbooks, their errors located as the controller locates them. */
    public final List<InvalidInputException> invalid = new ArrayList<>();

    private final WorkbookImport imports = new WorkbookImport(null);
    private final SpreadsheetProblems advice = new SpreadsheetProblems();

    private SpreadsheetMessages() {}

    /** A Formulario N.5.B workbook whose Actividades sheet inflates to 200 MB, about 200 KB on the wire. */
    public static byte[] zipBomb() throws IOException {
        return WorkbookRoundTripTest.zipBomb();
    }

    /** A small valid Formulario N.5.B workbook that links to a workbook at {@code url} and embeds an executable. */
    public static byte[] linkedWorkbook(String url) throws IOException {
        return WorkbookRoundTripTest.personFills(workbook -> {
            try {
                workbook.linkExternalWorkbook(url, new XSSFWorkbook());
                workbook.addOlePackage(new byte[] {'M', 'Z', 0, 0}, "programa", "programa.exe", "programa.exe");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The Formulario N.5.B template filled with a small valid form (acronym SIGLA, one activity 01.01), for page tests. */
    public static byte[] smallFilledForm() throws IOException {
        return WorkbookRoundTripTest.personFills(workbook -> {});
    }

    /** The Formulario N.5.B template with seed 000 typed in, as a person fills it: for the import benchmark. */
    public static byte[] seed000Workbook() throws IOException {
        SheetLayout form = SheetLayout.of(Fixtures.poaForm().jsonSchema());
        return SpreadsheetApiTest.typeIn(TemplateWriter.template(form, null), JSON.readTree(Fixtures.seedExample()));
    }

    /** The import as the service runs it (the limits it starts with), for the import benchmark. */
    public static WorkbookImport.Imported importForm(byte[] xlsx) {
        return BENCH_IMPORT.read(Fixtures.poaForm(), xlsx, WorkbookImport.XLSX);
    }

    private static final WorkbookImport BENCH_IMPORT =
            new WorkbookImport(new LimitsProperties(null, null, null, null, null, null, null, null, null));

    public static SpreadsheetMessages gather() throws Exception {
        SpreadsheetMessages messages = new SpreadsheetMessages();
        messages.run();
        return messages;
    }

    private void run() throws Exception {
        SheetLayout form = SheetLayout.of(Fixtures.poaForm().jsonSchema());
        invalidCells(form, "bad cells", workbook -> {
            XSSFSheet general = workbook.getSheet("Datos generales");
            general.getRow(7).getCell(1).setCellValue("dos mil"); // Gestión del POA
            general.getRow(8).getCell(1).setCellValue("31/02/2020"); // Fecha de Corte
            general.getRow(2).getCell(0).setCellValue("Otro campo");
            Row lines = workbook.getSheet("Partidas por grupo de gasto").createRow(1);
            lines.createCell(0).setCellValue(1);
            lines.createCell(2).setCellValue("mil");
            lines.createCell(3).setCellValue(1237022.004);
            Cell formula = lines.createCell(4);
            formula.setCellFormula("1/0");
            formula.setCellErrorValue(FormulaError.DIV0.getCode());
            workbook.getSheet("Partidas por grupo de gasto")
                    .createRow(2)
                    .createCell(0)
                    .setCellValue("x");
            workbook.getSheet("Partidas por grupo de gasto")
                    .createRow(3)
                    .createCell(0)
                    .setCellValue(9);
            Row second = workbook.getSheet("Actividades").createRow(2);
            second.createCell(0).setCellValue(1);
            second.createCell(1).setCellValue("02");
            workbook.getSheet("RESPONSABLES DE LA INFORMACIÓN")
                    .createRow(1)
                    .createCell(0)
                    .setCellValue("JEFE");
        });
        invalidCells(
                form,
                "an old template",
                workbook -> workbook.getSheet("RESPONSABLES DE LA INFORMACIÓN")
                        .getRow(0)
                        .getCell(1)
                        .setCellValue("Nombre y apellido"));
        SheetLayout budget = SheetLayout.of(
                Fixtures.types().find("budget-summary").orElseThrow().jsonSchema());
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(TemplateWriter.template(budget, null)))) {
            XSSFSheet tables = workbook.getSheet("Tablas");
            int column = TemplateWriter.headers(
                            budget,
                            budget.tables()
                                    .indexOf(budget.tables().stream()
                                            .filter(t -> t.sheetName().equals("Tablas"))
                                            .findFirst()
                                            .orElseThrow()))
                    .indexOf("Entradas redondeadas");
            tables.createRow(1).createCell(column).setCellValue("quizá");
            XSSFSheet amounts = workbook.getSheet("Importes de entrada");
            Row noKey = amounts.createRow(1);
            noKey.createCell(0).setCellValue(1);
            noKey.createCell(2).setCellValue(5);
            for (int r = 2; r <= 3; r++) {
                Row twice = amounts.createRow(r);
                twice.createCell(0).setCellValue(1);
                twice.createCell(1).setCellValue("chf");
                twice.createCell(2).setCellValue(r);
            }
            Row budgetRow = workbook.getSheet("Filas").createRow(1); // row 1 of table 1, whose amounts follow
            budgetRow.createCell(0).setCellValue(1);
            budgetRow.createCell(1).setCellValue(1);
            budgetRow.createCell(2).setCellValue("Concepto");
            read(budget, bytes(workbook), "a yes/no cell");
        }
        // Cells the type's own checks refuse after conversion: a required cell left empty, an indicator left out.
        byte[] missing = WorkbookRoundTripTest.personFills(workbook -> {
            Row activity = workbook.getSheet("Actividades").getRow(1);
            activity.getCell(3).setBlank();
            activity.getCell(6).setBlank();
            activity.getCell(7).setBlank();
        });
        WorkbookReader.Result read = WorkbookReader.read(form, missing, 100_000);
        List<InputError> located =
                Fixtures.poaForm().validate(JSON.writeValueAsBytes(read.document())).errors().stream()
                        .map(read::located)
                        .toList();
        invalid.add(new InvalidInputException(located));
        located.forEach(error -> english.putIfAbsent(error.message(), "WorkbookReader, the form's own checks"));

        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Hoja1");
            read(form, bytes(workbook), "no general sheet");
        }
        read(form, "{}".getBytes(), "not a workbook");
        read(form, zipOf("a.txt", new byte[] {1}), "a ZIP that is no workbook");
        read(form, WorkbookRoundTripTest.zipBomb(), "zip bomb");
        read(
                form,
                WorkbookRoundTripTest.personFills(workbook -> {
                    try {
                        workbook.linkExternalWorkbook("otro.xlsx", new XSSFWorkbook());
                        workbook.addOlePackage(new byte[] {1, 2, 3}, "objeto", "objeto.bin", "objeto.bin");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }),
                "links and embedded objects");
        read(
                form,
                WorkbookRoundTripTest.personFills(workbook -> {
                    for (int r = 2; r <= 4; r++) {
                        workbook.getSheet("Actividades")
                                .createRow(r)
                                .createCell(1)
                                .setCellValue("0" + r);
                    }
                }),
                2,
                "more items than the limit");
        try {
            imports.read(Fixtures.poaForm(), new byte[0], WorkbookImport.XLSM);
        } catch (SpreadsheetRefusedException e) {
            refused(e, ".xlsm content type");
        }
        csv();
        fillableForms(form);
    }

    /** One sheet saved as CSV: the answer's warning, a file that is no list, a quote left open. */
    private void csv() {
        WorkbookImport csv =
                new WorkbookImport(new LimitsProperties(null, null, null, null, null, null, null, null, null));
        String header = String.join(
                ";", TemplateWriter.headers(SheetLayout.of(Fixtures.poaForm().jsonSchema()), 0));
        csv.readCsv(
                        Fixtures.poaForm(),
                        (header + "\n;01.01;Op;Act;02/01/2020;31/12/2020;Ind;50;0;0;0;0;0\n").getBytes())
                .warnings()
                .forEach(w -> english.putIfAbsent(w.message(), "a CSV of the Actividades sheet"));
        for (String file : List.of("Código;Nombre\n1;Ana\n", header + "\n;\"01.01;Op\n")) {
            try {
                csv.readCsv(Fixtures.poaForm(), file.getBytes());
            } catch (SpreadsheetRefusedException e) {
                refused(e, "a CSV file");
            }
        }
    }

    /** Issue 17, point 3: a filled fillable form's bad fields, its ignored scripts and XFA, and the blank form's refusals. */
    private void fillableForms(SheetLayout form) throws Exception {
        byte[] fillable = Fixtures.poaForm().blankForm(2, true).orElseThrow();
        Map<String, String> bad = FillableForms.typed();
        bad.put("/activities/1/budgetLines/0/programmed/tgn", "mil");
        bad.put("/activities/1/budgetLines/0/executed/tgn", "1237022.004");
        bad.put("/activities/1/endDate", "31/02/2020");
        bad.put("/header/fiscalYear", "dos mil");
        bad.put("/signatories/1/role", "JEFE");
        fields(form, FillableForms.fill(fillable, bad, null), "a filled form's bad fields");
        fields(
                form,
                FillableForms.fill(fillable, FillableForms.typed(), document -> {
                    var acroForm = document.getDocumentCatalog().getAcroForm();
                    document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)"));
                    var xfa = document.getDocument().createCOSStream();
                    try (var out = xfa.createOutputStream()) {
                        out.write("<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"/>".getBytes(StandardCharsets.UTF_8));
                    }
                    acroForm.setXFA(new PDXFAResource(xfa));
                }),
                "a form with JavaScript and XFA");
        fields(form, Fixtures.poaForm().blankForm(1, false).orElseThrow(), "a blank form, which has no fields");
        fields(form, formWithAFieldOfItsOwn(), "a form whose fields are not this type's");
        try {
            UploadedPdf.formFields("{}".getBytes(), PdfLimits.DEFAULTS);
        } catch (PdfRefusedException e) {
            english.putIfAbsent(e.getMessage(), "a fillable form that is no PDF");
        }
        try {
            BlankFormController.rows("0");
        } catch (InvalidInputException e) {
            invalid.add(e);
            e.errors().forEach(error -> english.putIfAbsent(error.message(), "blank.pdf?rows=0"));
        }
        ProblemDetail none = advice.noBlankForm(new BlankFormController.NoBlankFormException("agreement-amendment"));
        problems.add(none);
        english.putIfAbsent(none.getTitle(), "no blank form (title)");
        english.putIfAbsent(none.getDetail(), "no blank form");
    }

    /** Some other form: one text field named "Nombre", as an office's own PDF form would have. */
    private static byte[] formWithAFieldOfItsOwn() throws IOException {
        try (var document = new PDDocument()) {
            var page = new PDPage();
            document.addPage(page);
            var acroForm = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(acroForm);
            var field = new PDTextField(acroForm);
            field.setPartialName("Nombre");
            var widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(50, 700, 200, 20));
            widget.setPage(page);
            page.getAnnotations().add(widget);
            acroForm.getFields().add(field);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private void fields(SheetLayout layout, byte[] pdf, String origin) {
        try {
            FormFieldReader.read(layout, UploadedPdf.formFields(pdf, PdfLimits.DEFAULTS), 100_000)
                    .warnings()
                    .forEach(w -> english.putIfAbsent(w.message(), origin));
        } catch (InvalidInputException e) {
            invalid.add(e);
            e.errors().forEach(error -> english.putIfAbsent(error.message(), origin));
        }
    }

    private void invalidCells(SheetLayout layout, String origin, Consumer<XSSFWorkbook> change) throws IOException {
        read(layout, WorkbookRoundTripTest.personFills(change), origin);
    }

    private void read(SheetLayout layout, byte[] xlsx, String origin) {
        read(layout, xlsx, 100_000, origin);
    }

    private void read(SheetLayout layout, byte[] xlsx, int maxItems, String origin) {
        try {
            WorkbookReader.read(layout, xlsx, maxItems)
                    .warnings()
                    .forEach(w -> english.putIfAbsent(w.message(), origin));
        } catch (InvalidInputException e) {
            invalid.add(e);
            e.errors().forEach(error -> english.putIfAbsent(error.message(), origin));
        } catch (SpreadsheetRefusedException e) {
            refused(e, origin);
        } catch (DocumentTooLargeException e) {
            english.putIfAbsent(e.detail().substring(e.pointer().length() + 2), origin);
        }
    }

    private void refused(SpreadsheetRefusedException e, String origin) {
        ProblemDetail problem = advice.refused(e);
        problems.add(problem);
        english.putIfAbsent(problem.getTitle(), origin + " (title)");
        english.putIfAbsent(problem.getDetail(), origin);
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private static byte[] zipOf(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
