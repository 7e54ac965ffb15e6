package io.sello.pdfdata;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * The problems of reading a PDF's embedded data. {@code POST …/import} with a PDF is one endpoint for both PDFs Sello
 * made (their data, §4) and filled fillable forms (their fields, §3): {@code spreadsheet.BlankFormController} tries the
 * data first ({@link PdfDataImport#find}). Ordered before the general advice, whose catch-all would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PdfDataProblems {
    @ExceptionHandler(PdfDataRefusedException.class)
    ProblemDetail refused(PdfDataRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(URI.create("/problems/" + e.type()));
        problem.setTitle(e.title());
        return problem;
    }
}
