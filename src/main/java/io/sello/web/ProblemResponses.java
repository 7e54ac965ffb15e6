package io.sello.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Problem details written by the security filters, which run before the advice can. Same shape as ProblemDetailsAdvice. */
final class ProblemResponses {
    private final JsonMapper json = JsonMapper.builder().build();

    void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        write(null, response, status, type, title, detail);
    }

    /**
     * The staff pages send {@code X-Requested-With}: they get no Basic challenge, so the browser shows no dialog of its own.
     * They also send {@code Accept-Language: es}, and title and detail are then in Spanish, as {@link SpanishAnswers}
     * makes them for the problems the controllers answer.
     */
    void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String type,
            String title,
            String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + type);
        boolean spanish = request != null && SpanishMessages.prefersSpanish(request.getHeader("Accept-Language"));
        body.put("title", spanish ? SpanishMessages.CATALOGUE.translate(title) : title);
        body.put("status", status);
        body.put("detail", spanish ? SpanishMessages.CATALOGUE.translate(detail) : detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        if (request != null) {
            response.addHeader("Vary", "Accept-Language");
        }
        if (status == 401 && (request == null || request.getHeader("X-Requested-With") == null)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"sello\"");
        }
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
