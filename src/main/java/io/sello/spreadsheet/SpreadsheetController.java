package io.sello.spreadsheet;

import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.http.UnknownDocumentTypeException;
import io.sello.http.WarningHeaders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spreadsheets in (issue 17, points 1 and 2): the template of each document type, generated from its schema, and the
 * import that turns a filled template back into the type's JSON, checked as a JSON request is.
 */
@RestController
class SpreadsheetController {
    static final String XLSX = WorkbookImport.XLSX;
    static final String XLSM = WorkbookImport.XLSM;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DocumentTypes types;
    private final WorkbookImport imports;

    SpreadsheetController(DocumentTypes types, WorkbookImport imports) {
        this.types = types;
        this.imports = imports;
    }

    @Operation(
            summary =
                    "The type's spreadsheet template: one sheet for the single fields, one per list, with validations, notes and a filled example")
    @SecurityRequirements // open to anyone, as the schema is
    @GetMapping(path = "/api/v1/document-types/{type}/template.xlsx", produces = XLSX)
    ResponseEntity<byte[]> template(@PathVariable String type) {
        DocumentType documentType = find(type);
        byte[] workbook = TemplateWriter.template(imports.layout(documentType), JSON.readTree(documentType.example()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("plantilla-" + documentType.id().value() + ".xlsx")
                                .build()
                                .toString())
                .body(workbook);
    }

    @Operation(
            summary =
                    "Convert a filled spreadsheet template into the type's JSON, checked as POST …/validate checks JSON",
            description =
                    "400 lists every error with its JSON pointer and, first in its message, the sheet, row and column"
                            + " to look at. Formulas are read as their saved values, never evaluated; macro-enabled workbooks are refused"
                            + " (422); external links and embedded objects are ignored with a warning (Sello-Warnings); a workbook"
                            + " that inflates beyond the service's limits is 413.")
    @PostMapping(
            path = "/api/v1/documents/{type}/import",
            consumes = {XLSX, XLSM},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> importWorkbook(
            @PathVariable String type,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        WorkbookImport.Imported imported = imports.read(find(type), body, contentType);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        WarningHeaders.write(imported.warnings(), headers);
        return ResponseEntity.ok().headers(headers).body(imported.json());
    }

    @Operation(
            summary =
                    "Convert one sheet of the type's template saved as CSV into that list's JSON: {\"<list>\": [...]}",
            description =
                    "The list is the one whose header row the file's first row is (its order and wording as in the"
                            + " template). Delimiter ; (then 1.237.022,00 is an amount), , or tab; UTF-8 or Windows-1252. Each cell is"
                            + " checked as in a workbook: 400 names its row and column. The answer holds that list only (a"
                            + " Sello-Warnings entry says so): put it into the document, whose checks then run as for any JSON."
                            + " A list's own lists (an activity's budget lines) are not in a CSV: use the workbook for them.")
    @PostMapping(
            path = "/api/v1/documents/{type}/import",
            consumes = WorkbookImport.CSV,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> importCsv(@PathVariable String type, @RequestBody(required = false) byte[] body) {
        WorkbookImport.Imported imported = imports.readCsv(find(type), body);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        WarningHeaders.write(imported.warnings(), headers);
        return ResponseEntity.ok().headers(headers).body(imported.json());
    }

    private DocumentType find(String type) {
        return types.find(type).orElseThrow(() -> new UnknownDocumentTypeException(type));
    }
}
