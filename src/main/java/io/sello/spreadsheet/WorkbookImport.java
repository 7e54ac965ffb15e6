package io.sello.spreadsheet;

import io.sello.document.DocumentType;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.document.ValidationReport;
import io.sello.document.Warning;
import io.sello.input.LimitsProperties;
import io.sello.input.StrictJson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A filled template turned into the type's JSON and checked as a JSON request is: what {@code POST …/import} answers
 * and what {@code POST /api/v1/documents/{type}} renders when it is sent a workbook.
 */
@Component
public class WorkbookImport {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Accepted only to be refused with a reason rather than a bare 415: macros are never read. */
    public static final String XLSM = "application/vnd.ms-excel.sheet.macroEnabled.12";

    public static final String CSV = "text/csv";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LimitsProperties limits;
    private final Map<String, SheetLayout> layouts = new ConcurrentHashMap<>();

    WorkbookImport(LimitsProperties limits) {
        this.limits = limits;
    }

    /** The JSON of a workbook and the warnings of reading and checking it. */
    public record Imported(byte[] json, List<Warning> warnings) {
        public Imported {
            Objects.requireNonNull(json, "json");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @throws InvalidInputException cells that do not hold what their column asks for, or a document the type's checks
     *                               refuse: each error keeps its pointer, its message starts with the sheet, row and column
     */
    public Imported read(DocumentType type, byte[] xlsx, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("macroenabled")) {
            throw SpreadsheetRefusedException.unreadable(
                    "macro-enabled workbooks (.xlsm) are refused; save the spreadsheet as Excel .xlsx without macros");
        }
        WorkbookReader.Result read = WorkbookReader.read(layout(type), xlsx, limits.maxItems());
        return checked(type, read.document(), read.warnings(), read::located);
    }

    /**
     * A document read from a file (a workbook, a filled form) checked as a JSON request is: the type's errors located
     * where the person must look, the reading's own warnings before the type's.
     */
    static Imported checked(
            DocumentType type, ObjectNode document, List<Warning> reading, UnaryOperator<InputError> located) {
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        ValidationReport report = type.validate(json);
        if (!report.errors().isEmpty()) {
            throw new InvalidInputException(
                    report.errors().stream().map(located).toList());
        }
        List<Warning> warnings = new ArrayList<>(reading);
        warnings.addAll(report.warnings());
        return new Imported(json, warnings);
    }

    /**
     * One list of the type from a CSV file, one sheet of its template saved on its own: {@code {"activities": [...]}},
     * each cell checked as in a workbook and the JSON limits applied. The rest of the document is not in the answer; the
     * caller puts the list into its document (the data-entry page replaces that list in the form), whose checks then
     * run as for any JSON.
     *
     * @throws SpreadsheetRefusedException 422 when the first row is no list's header row
     */
    public Imported readCsv(DocumentType type, byte[] csv) {
        SheetLayout layout = layout(type);
        List<Integer> lists = new ArrayList<>();
        for (int t = 0; t < layout.tables().size(); t++) {
            if (layout.tables().get(t).parent() < 0) {
                lists.add(t);
            }
        }
        CsvFile.Sheet sheet = CsvFile.read(layout, lists, csv == null ? new byte[0] : csv, limits.maxItems())
                .orElseThrow(() ->
                        SpreadsheetRefusedException.unreadable("the first row of the CSV file is not the header"
                                + " row of a list of this document type ("
                                + String.join(
                                        ", ",
                                        lists.stream()
                                                .map(t -> layout.tables().get(t).sheetName())
                                                .toList())
                                + "); save one of those sheets of the template"
                                + " as CSV, its header row included"));
        WorkbookReader.Result read = WorkbookReader.readList(layout, sheet.table(), sheet.grid(), limits.maxItems());
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(read.document());
        try {
            StrictJson.checkLimits(json, limits.json());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(
                    e.errors().stream().map(read::located).toList());
        }
        List<Warning> warnings = new ArrayList<>(read.warnings());
        warnings.add(new Warning(
                WorkbookReader.pointer("", layout.tables().get(sheet.table()).path()),
                "csv-one-list",
                "the CSV file gives the list of sheet "
                        + layout.tables().get(sheet.table()).sheetName()
                        + " only; the rest of the document is not in this answer"));
        return new Imported(json, warnings);
    }

    SheetLayout layout(DocumentType type) {
        return layouts.computeIfAbsent(type.id().value(), id -> SheetLayout.of(type.jsonSchema()));
    }
}
