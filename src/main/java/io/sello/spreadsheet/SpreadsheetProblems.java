package io.sello.spreadsheet;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * Refused workbooks as problem details, wherever they were sent (the import and the render). Ordered before the
 * general advice, whose catch-all would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SpreadsheetProblems {
    @ExceptionHandler(SpreadsheetRefusedException.class)
    ProblemDetail refused(SpreadsheetRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(URI.create("/problems/" + e.type()));
        problem.setTitle(e.status().value() == 413 ? "Spreadsheet too large" : "Spreadsheet refused");
        return problem;
    }

    @ExceptionHandler(BlankFormController.NoBlankFormException.class)
    ProblemDetail noBlankForm(BlankFormController.NoBlankFormException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(URI.create("/problems/no-blank-form"));
        problem.setTitle("No blank form");
        return problem;
    }
}
