package io.sello.document;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Something the service noticed and handled without refusing the document: a repaired accent,
 * a duplicated activity code, a declared total accepted in lenient mode.
 *
 * @param code a stable machine-readable kind, e.g. {@code text-repaired}
 */
public record Warning(String pointer, String code, String message) {
    public Warning {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The warnings as one line for the audit trail: each with its code, pointer and message, so a
     * declared figure printed within rounding is on record with both figures (issue 13, point 1).
     */
    public static String listed(List<Warning> warnings) {
        if (warnings.isEmpty()) {
            return "";
        }
        return ", " + warnings.size() + " warning(s): "
                + warnings.stream()
                        .map(w -> "[" + w.code() + "] " + w.pointer() + ": " + w.message())
                        .collect(Collectors.joining("; "));
    }
}
