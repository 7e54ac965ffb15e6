package io.sello.spreadsheet;

import io.sello.document.DocumentType;
import io.sello.document.InvalidInputException;
import io.sello.document.ValidationReport;
import io.sello.document.Warning;
import io.sello.web.LimitsProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A filled template turned into the type's JSON and checked as a JSON request is: what {@code POST …/import} answers
 * and what {@code POST /api/v1/documents/{type}} renders when it is sent a workbook.
 */
@Component
public class WorkbookImport {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Accepted only to be refused with a reason rather than a bare 415: macros are never read. */
    public static final String XLSM = "application/vnd.ms-excel.sheet.macroEnabled.12";
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
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("macroenabled")) {
            throw SpreadsheetRefusedException.unreadable("macro-enabled workbooks (.xlsm) are refused; save the spreadsheet as Excel .xlsx without macros");
        }
        WorkbookReader.Result read = WorkbookReader.read(layout(type), xlsx, limits.maxItems());
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(read.document());
        ValidationReport report = type.validate(json);
        if (!report.errors().isEmpty()) {
            throw new InvalidInputException(report.errors().stream().map(read::located).toList());
        }
        List<Warning> warnings = new ArrayList<>(read.warnings());
        warnings.addAll(report.warnings());
        return new Imported(json, warnings);
    }

    SheetLayout layout(DocumentType type) {
        return layouts.computeIfAbsent(type.id().value(), id -> SheetLayout.of(type.jsonSchema()));
    }
}
