package io.sello.input;

import io.sello.document.InputError;
import io.sello.document.InputFindings;
import io.sello.document.SchemaCheck;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A type's schema check that names the faulty field inside an alternative ({@code oneOf}) when the request shows
 * which form it meant. The schema alone can only say that a part "does not have any of the forms" (a plan block, a
 * paragraph, a run, a table cell): the validator explains why each form failed and {@link SchemaCheck} rightly tells
 * them as one error at the part. But a block that holds only {@code "heading"} is a heading, a paragraph sent as an
 * array is a list of runs, a run with {@code "money"} is an amount: that form alone is checked again, so the client
 * reads {@code /…/money/currency: expected one of [USD, …]} rather than a fault of the whole block, as the hand-written
 * readers reported before issue 18. A part that fits the key fields or the JSON type of no form, or of several, keeps
 * the schema's one error at the part.
 */
public final class IntendedForms {
    /** Exact numbers both ways: a schema's maximum of 999999999999999.99 must not become 1.0E15 in a form's copy. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final JsonNode schema;
    private final Set<String> opaque;
    private final Map<String, SchemaCheck> forms = new ConcurrentHashMap<>();

    /**
     * @param opaque {@code $defs} whose alternatives keep the schema's own errors (a budget table reports as
     *               {@code budget-summary} does, where its rows are told as one error each)
     */
    public IntendedForms(String schemaJson, Set<String> opaque) {
        this.schema = JSON.readTree(schemaJson);
        this.opaque = Set.copyOf(opaque);
    }

    /**
     * {@code json} as a {@code type}, or {@code null} with the schema's errors in {@code findings}, each where the
     * request shows which form it meant: a request the schema refuses is never bound ({@link RequestBinding}).
     *
     * @throws io.sello.document.InvalidInputException when {@code json} is not well-formed JSON
     */
    public <T> T bind(byte[] json, SchemaCheck contract, Class<T> type, InputFindings findings) {
        JsonNode request = StrictJson.parse(json);
        List<InputError> refused = refine(contract.check(request), request, "", "");
        if (!refused.isEmpty()) {
            refused.forEach(error -> findings.error(error.pointer(), error.message()));
            return null;
        }
        return RequestBinding.bind(request, type, findings);
    }

    private List<InputError> refine(List<InputError> errors, JsonNode part, String at, String location) {
        List<InputError> refined = new ArrayList<>();
        for (InputError error : errors) {
            String pointer = error.pointer().equals("/") ? "" : error.pointer();
            if (!error.message().equals(SchemaCheck.NO_FORM_FITS) || !pointer.startsWith(at)) {
                refined.add(error);
                continue;
            }
            JsonNode instance = part.at(pointer.substring(at.length()));
            String alternative = walk(location, pointer.substring(at.length()), part);
            Integer form =
                    alternative == null ? null : intended(node(alternative).get("oneOf"), instance);
            if (form == null) {
                refined.add(error);
                continue;
            }
            String chosen = alternative + "/oneOf/" + form;
            List<InputError> inner = form(chosen).check(JSON.writeValueAsBytes(instance)).stream()
                    .map(e -> new InputError(
                            e.pointer().equals("/") ? error.pointer() : pointer + e.pointer(), e.message()))
                    .toList();
            refined.addAll(inner.isEmpty() ? List.of(error) : refine(inner, instance, pointer, chosen));
        }
        return refined;
    }

    /**
     * The schema location (a JSON pointer into the schema) that judges the part at {@code path} below {@code part},
     * whose schema is at {@code location}; alternatives on the way are followed into the intended form. {@code null}
     * where the way is not plain (an opaque definition, no intended form).
     */
    private String walk(String location, String path, JsonNode part) {
        String at = resolve(location);
        JsonNode instance = part;
        if (at == null) {
            return null;
        }
        for (String step : path.isEmpty() ? new String[0] : path.substring(1).split("/", -1)) {
            JsonNode here = node(at);
            if (here.has("oneOf")) {
                Integer form = intended(here.get("oneOf"), instance);
                if (form == null) {
                    return null;
                }
                at = resolve(at + "/oneOf/" + form);
                if (at == null) {
                    return null;
                }
                here = node(at);
            }
            String name = step.replace("~1", "/").replace("~0", "~");
            if (instance.isArray() && here.has("items")) {
                at = at + "/items";
                instance = instance.get(Integer.parseInt(name));
            } else if (instance.isObject() && here.path("properties").has(name)) {
                at = at + "/properties/" + step;
                instance = instance.get(name);
            } else if (instance.isObject() && here.path("additionalProperties").isObject()) {
                at = at + "/additionalProperties";
                instance = instance.get(name);
            } else {
                return null;
            }
            at = resolve(at);
            if (at == null || instance == null) {
                return null;
            }
        }
        return node(at).has("oneOf") ? at : null;
    }

    /** {@code location} with its {@code $ref}s followed (inside the schema only), or null at an opaque definition. */
    private String resolve(String location) {
        String at = location;
        for (int hops = 0; node(at).has("$ref"); hops++) {
            String ref = node(at).get("$ref").stringValue();
            if (!ref.startsWith("#") || hops > 20 || opaque.contains(ref.substring(1))) {
                return null;
            }
            at = ref.substring(1);
        }
        return at;
    }

    /**
     * The one form of {@code forms} whose JSON type and key fields ({@code required}) the instance has, else the one
     * form of its JSON type (a cell sent as an object without its text); null when none or several fit.
     */
    private Integer intended(JsonNode forms, JsonNode instance) {
        Integer byKeys = null;
        Integer byType = null;
        int keyed = 0;
        int typed = 0;
        for (int i = 0; i < forms.size(); i++) {
            JsonNode form = forms.get(i);
            String at =
                    form.has("$ref") ? resolve(form.get("$ref").stringValue().substring(1)) : null;
            form = at == null ? form : node(at);
            if (!typeFits(form.path("type"), instance)) {
                continue;
            }
            typed++;
            byType = i;
            boolean keys = true;
            if (instance.isObject() && form.has("required")) {
                for (JsonNode key : form.get("required")) {
                    keys &= instance.has(key.stringValue());
                }
            }
            if (keys) {
                keyed++;
                byKeys = i;
            }
        }
        if (keyed == 1) {
            return byKeys;
        }
        return keyed == 0 && typed == 1 ? byType : null;
    }

    private static boolean typeFits(JsonNode type, JsonNode instance) {
        if (type.isMissingNode()) {
            return true;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeFits(t, instance)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.stringValue()) {
            case "object" -> instance.isObject();
            case "array" -> instance.isArray();
            case "string" -> instance.isString();
            case "integer" -> instance.isIntegralNumber();
            case "number" -> instance.isNumber();
            case "boolean" -> instance.isBoolean();
            case "null" -> instance.isNull();
            default -> false;
        };
    }

    private JsonNode node(String location) {
        return schema.at(location);
    }

    /** The form at {@code location} as a schema of its own, with the definitions it may refer to. */
    private SchemaCheck form(String location) {
        return forms.computeIfAbsent(location, at -> {
            ObjectNode form = JSON.createObjectNode();
            form.set("$schema", schema.get("$schema"));
            form.set("$defs", schema.get("$defs"));
            ObjectNode root = ((ObjectNode) schema.deepCopy());
            root.remove(List.of("$schema", "$id", "$defs"));
            form.set("x-sello-request", root);
            form.put("$ref", "#" + (at.startsWith("/$defs/") ? at : "/x-sello-request" + at));
            return new SchemaCheck(form.toString());
        });
    }
}
