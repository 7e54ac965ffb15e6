package io.sello.web;

import io.sello.document.InputError;
import io.sello.document.Warning;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.List;
import java.util.Map;

/**
 * The one place where answers become Spanish: a request whose Accept-Language prefers {@code es} (the staff
 * pages send it) gets the human-readable texts of its JSON answer through {@link SpanishMessages} — a problem's
 * title, detail and the messages of its errors and warnings, and the errors and warnings of a validation report.
 * Everything else (pointers, codes, figures) is left as it is, and without that preference the answer is not
 * touched at all: systems keep parsing the English texts they know.
 */
@RestControllerAdvice
class SpanishAnswers implements ResponseBodyAdvice<Object> {
    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail || body instanceof DocumentsController.ValidationResponse)) {
            return body;
        }
        // The answer depends on the header from now on, whichever language it is in, so caches must know.
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        if (!SpanishMessages.prefersSpanish(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE))) {
            return body;
        }
        return body instanceof ProblemDetail problem
                ? spanish(problem)
                : spanish((DocumentsController.ValidationResponse) body);
    }

    static ProblemDetail spanish(ProblemDetail problem) {
        SpanishMessages es = SpanishMessages.CATALOGUE;
        problem.setTitle(es.translate(problem.getTitle()));
        problem.setDetail(es.translate(problem.getDetail()));
        Map<String, Object> properties = problem.getProperties();
        if (properties != null) {
            properties.replaceAll((name, value) -> value instanceof List<?> list ? spanish(list) : value);
        }
        return problem;
    }

    private static DocumentsController.ValidationResponse spanish(DocumentsController.ValidationResponse report) {
        return new DocumentsController.ValidationResponse(
                report.valid(),
                spanishErrors(report.errors()),
                report.mismatches(),
                spanishWarnings(report.warnings()),
                report.figures());
    }

    /** The lists a problem carries: errors and warnings are translated, anything else (mismatches) is figures. */
    private static List<?> spanish(List<?> list) {
        return list.stream()
                .map(item -> item instanceof InputError error
                        ? spanish(error)
                        : item instanceof Warning warning ? spanish(warning) : item)
                .toList();
    }

    static List<InputError> spanishErrors(List<InputError> errors) {
        return errors.stream().map(SpanishAnswers::spanish).toList();
    }

    static List<Warning> spanishWarnings(List<Warning> warnings) {
        return warnings.stream().map(SpanishAnswers::spanish).toList();
    }

    private static InputError spanish(InputError error) {
        return new InputError(error.pointer(), SpanishMessages.CATALOGUE.translate(error.message()));
    }

    private static Warning spanish(Warning warning) {
        return new Warning(warning.pointer(), warning.code(), SpanishMessages.CATALOGUE.translate(warning.message()));
    }
}
