package io.sello.spreadsheet;

import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.http.UnknownDocumentTypeException;
import io.sello.http.WarningHeaders;
import io.sello.pdfdata.PdfDataImport;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Blank and fillable official forms (issue 17, point 3): the empty form to print and fill by hand, the same form with
 * a text field in each cell, and the import of a filled one.
 */
@RestController
class BlankFormController {
    /** Rows a blank form prints when none are asked for: a page and a half of the Formulario N.5.B. */
    static final int DEFAULT_ROWS = 15;
    /** At most this many: some 40 pages of the Formulario N.5.B, more than a person fills by hand. */
    static final int MAX_ROWS = 300;

    private final DocumentTypes types;
    private final FormFieldImport imports;
    private final PdfDataImport sourceData;

    BlankFormController(DocumentTypes types, FormFieldImport imports, PdfDataImport sourceData) {
        this.sourceData = sourceData;
        this.types = types;
        this.imports = imports;
    }

    @Operation(
            summary = "The type's official form with nothing filled in, to print and fill by hand",
            description =
                    "Title block, headings and column numbers, `rows` empty rows (default 15, 1 to 300) and the signature"
                            + " block. A type without a paper form answers 404 /problems/no-blank-form.")
    @SecurityRequirements // open to anyone, as the schema and the spreadsheet template are
    @GetMapping(path = "/api/v1/document-types/{type}/blank.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> blank(@PathVariable String type, @RequestParam(required = false) String rows) {
        return form(type, rows, false);
    }

    @Operation(
            summary =
                    "The blank form with a text field in each cell, fillable in any PDF reader and uploaded back to POST …/import",
            description = "Each field is named by the JSON pointer of the value it holds (/header/institution,"
                    + " /activities/0/budgetLines/1/programmed/tgn).")
    @SecurityRequirements
    @GetMapping(path = "/api/v1/document-types/{type}/fillable.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> fillable(@PathVariable String type, @RequestParam(required = false) String rows) {
        return form(type, rows, true);
    }

    @Operation(
            summary =
                    "Convert a filled fillable form (application/pdf) into the type's JSON, checked as POST …/validate checks JSON",
            description =
                    "400 lists every error with its JSON pointer and, first in its message, the form field to look at."
                            + " Only the values saved in the fields are read: JavaScript actions are never run and XFA is ignored,"
                            + " each with a warning (Sello-Warnings); the file's limits are sello.limits.pdf.* (422 beyond).")
    @PostMapping(
            path = "/api/v1/documents/{type}/import",
            consumes = FormFieldImport.PDF,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> importForm(@PathVariable String type, @RequestBody(required = false) byte[] body) {
        DocumentType documentType = find(type);
        // A PDF Sello made carries its request as an attachment (issue 17 §4): that is the data, whatever its fields
        // say.
        // Otherwise it may be the fillable form, filled in a PDF reader (§3).
        WorkbookImport.Imported imported = sourceData
                .find(documentType, body)
                .map(data -> new WorkbookImport.Imported(data.json(), data.warnings()))
                .orElseGet(() -> imports.read(documentType, body));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        WarningHeaders.write(imported.warnings(), headers);
        return ResponseEntity.ok().headers(headers).body(imported.json());
    }

    private ResponseEntity<byte[]> form(String type, String rows, boolean fillable) {
        DocumentType documentType = find(type);
        int count = rows(rows);
        byte[] pdf = documentType
                .blankForm(count, fillable)
                .orElseThrow(() -> new NoBlankFormException(documentType.id().value()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename((fillable ? "formulario-rellenable-" : "formulario-en-blanco-")
                                        + documentType.id().value() + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    static int rows(String rows) {
        if (rows == null || rows.isBlank()) {
            return DEFAULT_ROWS;
        }
        String trimmed = rows.strip();
        if (trimmed.matches("\\d{1,6}")) {
            int count = Integer.parseInt(trimmed);
            if (count >= 1 && count <= MAX_ROWS) {
                return count;
            }
        }
        throw new InvalidInputException(List.of(new InputError(
                "/rows",
                "the query parameter rows must be a whole number" + " from 1 to " + MAX_ROWS
                        + " (the empty rows to print) but is \"" + CellValues.shown(trimmed) + "\"")));
    }

    private DocumentType find(String type) {
        return types.find(type).orElseThrow(() -> new UnknownDocumentTypeException(type));
    }

    /** A document type that has no paper form: its data has no fixed grid of cells to print empty (a contract's articles). */
    static final class NoBlankFormException extends RuntimeException {
        NoBlankFormException(String type) {
            super(
                    "the document type " + type + " has no paper form to print blank; fill its spreadsheet template"
                            + " (template.xlsx) or its JSON instead",
                    null,
                    false,
                    false);
        }
    }
}
