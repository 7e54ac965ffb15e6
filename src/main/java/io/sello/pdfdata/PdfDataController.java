package io.sello.pdfdata;

import io.sello.document.DocumentTypes;
import io.sello.web.UnknownDocumentTypeException;
import io.sello.web.WarningHeaders;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** {@code POST /api/v1/documents/{type}/import} with a Sello PDF: its embedded JSON, checked (issue 17, point 4). */
@RestController
class PdfDataController {
    private final DocumentTypes types;
    private final PdfDataImport imports;

    PdfDataController(DocumentTypes types, PdfDataImport imports) {
        this.types = types;
        this.imports = imports;
    }

    @Operation(summary = "The JSON a Sello PDF carries as its source data, checked as POST …/validate checks JSON",
            description = "Only the embedded file (AFRelationship /Source, application/json) is read, never the visible text."
                    + " 400 lists every error with its JSON pointer; a PDF without Sello data is 422 /problems/no-embedded-data;"
                    + " the limits of uploaded PDFs (sello.limits.pdf.*) apply, and the data may not exceed sello.limits.max-body-size.")
    @PostMapping(path = "/api/v1/documents/{type}/import", consumes = PdfDataImport.PDF, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> importPdf(@PathVariable String type, @RequestBody(required = false) byte[] body) {
        var documentType = types.find(type).orElseThrow(() -> new UnknownDocumentTypeException(type));
        PdfDataImport.Imported imported = imports.read(documentType, body);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        WarningHeaders.write(imported.warnings(), headers);
        return ResponseEntity.ok().headers(headers).body(imported.json());
    }

    /** Ordered before the general advice, whose catch-all would otherwise answer 500. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Problems {
        @ExceptionHandler(PdfDataRefusedException.class)
        ProblemDetail refused(PdfDataRefusedException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
            problem.setType(URI.create("/problems/" + e.type()));
            problem.setTitle(e.title());
            return problem;
        }
    }
}
