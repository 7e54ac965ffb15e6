package io.sello.budget;

import io.sello.input.JsonObject;

import java.util.Arrays;
import java.util.function.Function;

/** A field holding one of a few listed words ({@code "per-cell"}, {@code "display"}); the error names them all. */
final class Choice {
    private Choice() {
    }

    static <E> E read(JsonObject o, String field, E[] values, Function<E, String> wire, E absent) {
        if (!o.has(field)) {
            return absent;
        }
        String allowed = String.join(", ", Arrays.stream(values).map(v -> "\"" + wire.apply(v) + "\"").toList());
        if (!o.isString(field)) {
            o.findings().error(o.pointer(field), "expected one of " + allowed + " as a string");
            return null;
        }
        String text = o.text(field, JsonObject.Presence.REQUIRED);
        if (text == null) {
            return null;
        }
        for (E value : values) {
            if (wire.apply(value).equals(text)) {
                return value;
            }
        }
        o.findings().error(o.pointer(field), "expected one of " + allowed + " but got \""
                + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"");
        return null;
    }
}
