package io.sello.input;

import io.sello.document.InputFindings;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** One array element of an untrusted request, whose shape is not known in advance (a string or an object). */
public final class JsonElement {
    private final JsonNode node;
    private final String pointer;
    private final InputFindings findings;

    JsonElement(JsonNode node, String pointer, InputFindings findings) {
        this.node = node;
        this.pointer = pointer;
        this.findings = findings;
    }

    public String pointer() {
        return pointer;
    }

    public boolean isString() {
        return node.isString();
    }

    public boolean isObject() {
        return node.isObject();
    }

    /** Records an error at this element. */
    public void reject(String message) {
        findings.error(pointer, message);
    }

    public boolean isArray() {
        return node.isArray();
    }

    /** The element as an object with the given fields, or {@code null} with an error recorded. */
    public JsonObject object(String... fields) {
        return JsonObject.of(node, pointer, findings, fields);
    }

    /** The element as text (possibly blank), repaired like any text field but not trimmed; {@code null} with an error recorded. */
    public String text() {
        if (!node.isString()) {
            findings.error(pointer, "expected a string");
            return null;
        }
        return JsonObject.checkedText(node.stringValue(), pointer, findings, false, false);
    }

    /** The elements of this array, or an empty list with an error recorded. */
    public List<JsonElement> elements() {
        return JsonObject.elementsOf(node, pointer, findings);
    }

    static List<JsonElement> of(JsonNode array, String pointer, InputFindings findings) {
        List<JsonElement> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            elements.add(new JsonElement(array.get(i), JsonPointers.child(pointer, i), findings));
        }
        return elements;
    }
}
