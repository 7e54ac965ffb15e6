package io.sello.web;

import io.sello.batch.BatchNotFoundException;
import io.sello.document.DocumentTooLargeException;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.document.TotalMismatch;
import io.sello.document.TotalsMismatchException;
import io.sello.document.UnprintableFigureException;
import io.sello.draft.DraftConflictException;
import io.sello.draft.DraftNotFoundException;
import io.sello.http.UnknownDocumentTypeException;
import io.sello.input.JsonPointers;
import io.sello.signing.PdfRefusedException;
import io.sello.signing.SignatureUploadRefused;
import io.sello.signing.SigningUnavailableException;
import io.sello.signoff.DocumentNotFoundException;
import io.sello.signoff.SignOffRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The one place errors become RFC 9457 problem details. {@code detail} names the JSON pointer of the
 * first problem and what was expected; {@code errors} or {@code mismatches} list all of them.
 * Nothing internal (stack traces, class names, paths) ever reaches the client.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return listing(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.errors());
    }

    /** A problem whose {@code detail} names the first error and whose {@code errors} lists them all, pointers displayed. */
    private static ProblemDetail listing(HttpStatus status, String type, String title, List<InputError> found) {
        List<InputError> errors = found.stream()
                .map(error -> new InputError(JsonPointers.display(error.pointer()), error.message()))
                .toList();
        InputError first = errors.get(0);
        ProblemDetail problem = problem(
                status,
                type,
                title,
                first.pointer() + ": " + first.message()
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more, see errors)" : ""));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(DocumentTooLargeException.class)
    ProblemDetail documentTooLarge(DocumentTooLargeException e) {
        ProblemDetail problem =
                problem(HttpStatus.UNPROCESSABLE_CONTENT, "document-too-large", "Document too large", e.detail());
        problem.setProperty(
                "errors",
                List.of(new InputError(
                        e.pointer(), e.detail().substring(e.pointer().length() + 2))));
        return problem;
    }

    /** A computed figure too large for its cell: refused rather than printed cut off (issue 13). */
    @ExceptionHandler(UnprintableFigureException.class)
    ProblemDetail unprintableFigure(UnprintableFigureException e) {
        return listing(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "figure-not-printable",
                "A figure cannot be printed in full",
                e.errors());
    }

    @ExceptionHandler(RenderGate.RenderBusyException.class)
    ResponseEntity<ProblemDetail> busy(RenderGate.RenderBusyException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "busy",
                        "Too many renders at once",
                        "every render slot and the waiting queue are taken; retry after " + e.retryAfterSeconds()
                                + " s (Retry-After), or send large volumes as a batch (POST /api/v1/batches)"));
    }

    @ExceptionHandler(RenderGate.RenderTimeoutException.class)
    ResponseEntity<ProblemDetail> renderTimeout(RenderGate.RenderTimeoutException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(Math.max(1, e.timeout().toSeconds())))
                .body(
                        problem(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "render-timeout",
                                "Render took too long",
                                "the document was not rendered within "
                                        + e.timeout().toMillis() + " ms, waiting time included"
                                        + " (sello.limits.render-timeout); retry later, or send it as a batch (POST /api/v1/batches)"));
    }

    /**
     * An uploaded PDF over a {@code sello.limits.pdf.*} limit, or one that does not parse (including a parse that
     * overflowed the stack or ran out of memory): 422, one log line, no stack trace (issue 14).
     */
    @ExceptionHandler(PdfRefusedException.class)
    ProblemDetail pdfRefused(PdfRefusedException e) {
        log.warn("uploaded PDF refused: {}", e.getMessage());
        if (e.overLimit()) {
            ProblemDetail problem =
                    problem(HttpStatus.UNPROCESSABLE_CONTENT, "pdf-over-limit", "PDF over a limit", e.getMessage());
            problem.setProperty("limit", e.limit());
            problem.setProperty("value", String.valueOf(e.value()));
            return problem;
        }
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-pdf", "Unreadable PDF", e.getMessage());
    }

    /** A sign-off uploaded from the signer's own software that is not the prepared file plus its signature (issue 16). */
    /** Issue 16 §3: the TSA, a revocation responder or a token did not answer; nothing was stored, try again. */
    @ExceptionHandler(SigningUnavailableException.class)
    ResponseEntity<ProblemDetail> signingUnavailable(SigningUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "signing-unavailable",
                        "Signing service unavailable",
                        e.getMessage()));
    }

    @ExceptionHandler(SignatureUploadRefused.class)
    ProblemDetail signatureUploadRefused(SignatureUploadRefused e) {
        ProblemDetail problem = problem(
                HttpStatus.UNPROCESSABLE_CONTENT, "sign-off-upload-refused", "Signed file refused", e.getMessage());
        problem.setProperty("fault", e.fault().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return problem;
    }

    @ExceptionHandler(AnonymousVerifyLimit.TooManyVerificationsException.class)
    ResponseEntity<ProblemDetail> tooManyVerifications(AnonymousVerifyLimit.TooManyVerificationsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-verifications",
                        "Too many verifications",
                        e.getMessage()));
    }

    /** A chunked body that grew past {@code sello.limits.max-body-size} while it was read: 413, like a declared one. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .header("Connection", "close")
                        .body(problem(
                                HttpStatus.CONTENT_TOO_LARGE,
                                "body-too-large",
                                "Request body too large",
                                BodySizeFilter.tooLarge(tooLarge.maxBytes)));
            }
        }
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "unreadable-body",
                        "Unreadable request body",
                        "the request body could not be read"));
    }

    /** A multipart upload over {@code spring.servlet.multipart.max-request-size}, which is {@code sello.limits.max-body-size}. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .header("Connection", "close")
                .body(problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "body-too-large",
                        "Request body too large",
                        "the upload is larger than this service accepts (sello.limits.max-body-size)"));
    }

    @ExceptionHandler(TotalsMismatchException.class)
    ProblemDetail totalsMismatch(TotalsMismatchException e) {
        TotalMismatch first = e.mismatches().get(0);
        ProblemDetail problem = problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "total-mismatch",
                "Declared totals do not match",
                first.pointer() + ": " + first.describe()
                        + (e.mismatches().size() > 1
                                ? " (and " + (e.mismatches().size() - 1) + " more, see mismatches)"
                                : "")
                        + ". Correct the figures, or render with ?lenient=true to print the computed totals.");
        problem.setProperty(
                "mismatches", e.mismatches().stream().map(MismatchBody::of).toList());
        problem.setProperty("warnings", e.warnings());
        return problem;
    }

    @ExceptionHandler(SignOffRefused.class)
    ProblemDetail signOffRefused(SignOffRefused e) {
        return switch (e.reason()) {
            case FORBIDDEN -> problem(HttpStatus.FORBIDDEN, "wrong-role", "Not your sign-off", e.getMessage());
            case CONFLICT -> problem(HttpStatus.CONFLICT, "sign-off-order", "Not the next sign-off", e.getMessage());
            case SEPARATION_OF_DUTIES ->
                problem(
                        HttpStatus.CONFLICT,
                        "separation-of-duties",
                        "Another person must sign this step",
                        e.getMessage());
        };
    }

    @ExceptionHandler(DocumentNotFoundException.class)
    ProblemDetail documentNotFound(DocumentNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such document", e.getMessage());
    }

    @ExceptionHandler(BatchNotFoundException.class)
    ProblemDetail batchNotFound(BatchNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such batch", e.getMessage());
    }

    /** Also for another user's draft: 404 rather than 403, so that a draft's id says nothing to others. */
    @ExceptionHandler(DraftNotFoundException.class)
    ProblemDetail draftNotFound(DraftNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such draft", e.getMessage());
    }

    /** The stored draft travels in {@code current}: the page keeps both versions and loses nothing (issue 15). */
    @ExceptionHandler(DraftConflictException.class)
    ResponseEntity<ProblemDetail> draftConflict(DraftConflictException e) {
        ProblemDetail problem =
                problem(HttpStatus.CONFLICT, "draft-conflict", "The draft was saved by someone else", e.getMessage());
        problem.setProperty("current", DraftsController.DraftView.of(e.current()));
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .eTag("\"" + e.current().version() + "\"")
                .body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "your role does not allow this");
    }

    @ExceptionHandler(UnsupportedFormatException.class)
    ProblemDetail unsupportedFormat(UnsupportedFormatException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "unsupported-format", "Format not available", e.getMessage());
    }

    /** A re-render that cannot be done as asked (issue 18, point 3): {@code versions} links the type's versions. */
    @ExceptionHandler(TemplateVersionRefused.class)
    ResponseEntity<ProblemDetail> templateVersionRefused(TemplateVersionRefused e) {
        ProblemDetail problem = problem(e.status(), e.problemType(), e.title(), e.getMessage());
        problem.setProperty("errors", List.of(TemplateVersionsController.error(e)));
        if (e.versions() != null) {
            problem.setProperty("versions", e.versions());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(UnknownDocumentTypeException.class)
    ProblemDetail unknownType(UnknownDocumentTypeException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-document-type", "Unknown document type", e.getMessage());
    }

    /**
     * The database cannot be reached (no connection within Hikari's connection-timeout, or one lost
     * mid-query): 503 with Retry-After, since the request may well succeed once it is back. Readiness
     * goes DOWN at the same time. Logged without a stack trace: the cause is outside this service.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(NestedRuntimeException e) {
        log.warn(
                "database unavailable, answered 503: {}",
                e.getMostSpecificCause().toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "10")
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "database-unavailable",
                        "Database unavailable",
                        "The document registry's database cannot be reached just now; retry in a few seconds."));
    }

    /** Anything unexpected: logged in full with a reference, answered with the reference only. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        log.error("request failed, reference {}", reference, e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "The document could not be produced",
                "An internal error occurred; quote reference " + reference + " to the operator.");
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
