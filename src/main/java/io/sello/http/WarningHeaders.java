package io.sello.http;

import io.sello.document.Warning;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * How warnings reach a client that asked for a PDF: {@code Sello-Warning-Count} gives the number and
 * {@code Sello-Warnings} a JSON array of {@code {pointer, code, message}}, non-ASCII escaped as
 * {@code \\uXXXX} so the header stays valid. The header carries at most {@value #MAX_IN_HEADER};
 * {@code POST …/validate} returns them all.
 */
public final class WarningHeaders {
    static final String COUNT = "Sello-Warning-Count";
    static final String WARNINGS = "Sello-Warnings";
    static final int MAX_IN_HEADER = 20;
    private static final JsonMapper ASCII_JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private WarningHeaders() {}

    public static void write(List<Warning> warnings, HttpHeaders headers) {
        headers.set(COUNT, Integer.toString(warnings.size()));
        if (!warnings.isEmpty()) {
            List<Warning> shown = warnings.subList(0, Math.min(MAX_IN_HEADER, warnings.size()));
            headers.set(WARNINGS, ASCII_JSON.writeValueAsString(shown));
        }
    }
}
