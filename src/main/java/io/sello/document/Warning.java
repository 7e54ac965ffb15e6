package io.sello.document;

import java.util.Objects;

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
}
