package io.sello.document;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A type's published JSON Schema, enforced on every request at run time by a maintained validator (networknt,
 * draft 2020-12; issue 18, point 1): what clients read in {@code GET /api/v1/document-types/{type}/schema} is what the
 * service applies, on every path (HTTP, CLI, batches), because the one pipeline runs it. Its findings use the
 * {@code {pointer, message}} shape and the wording of the readers' own messages, so a client, the staff pages and
 * their Spanish catalogue see one style whichever check found the fault.
 */
public final class SchemaCheck {
    /**
     * Draft 2020-12, where the schemas' own keywords ({@code x-enum-titles}, {@code x-sello-cells}: labels for the staff
     * pages and the spreadsheet template) are annotations, as the draft says unknown keywords are, without a warning
     * for each one at every start of the service or the CLI.
     */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            .build();

    /** The one error where no form of an alternative ({@code oneOf}, {@code anyOf}) fits; input/IntendedForms refines it. */
    public static final String NO_FORM_FITS = "does not have any of the forms the published schema allows";

    /** Reads the schema for what its keywords' owners say ({@code properties}, {@code x-sello-expected}). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Schema schema;
    private final JsonNode tree;

    public SchemaCheck(String schemaJson) {
        this.tree = JSON.readTree(schemaJson);
        // The schemas are the service's own and refer only inside themselves (#/$defs/…); nothing may make the
        // validator reach the network or the class path for another document.
        // Formats are assertions here, not the draft's default annotations: "format": "date" refuses 2024-02-30,
        // which the date pattern lets through (a date on Formulario N.5.B is a real day).
        this.schema = SchemaRegistry.withDefaultDialect(
                        DIALECT,
                        registry -> registry.schemaLoader(loader -> loader.fetchRemoteResources(false))
                                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                        .formatAssertionsEnabled(true)
                                        .build()))
                .getSchema(schemaJson, InputFormat.JSON);
    }

    /**
     * Every place where {@code request} breaks the schema, one error per pointer (the first the validator reports).
     * {@code request} is the tree the strict reader built (well-formed, no duplicate keys, numbers as
     * {@code BigDecimal}), the same one that is then bound: a request is parsed once (issue 18). This check only
     * judges its shape.
     */
    public List<InputError> check(JsonNode request) {
        return describe(schema.validate(request));
    }

    /**
     * As {@link #check(JsonNode)} for a request not parsed yet, the validator parsing {@code json} itself: for tests and
     * tools. The service checks and binds the one tree {@code StrictJson} builds.
     */
    public List<InputError> check(byte[] json) {
        return describe(schema.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON));
    }

    private List<InputError> describe(List<Error> errors) {
        // In the validator's order (the schema's order of properties), an alternative in the place of its first report.
        List<Object> told = new ArrayList<>();
        Map<String, List<Error>> alternatives = new LinkedHashMap<>();
        for (Error error : errors) {
            String alternative = alternative(error.getEvaluationPath());
            if (alternative == null && isAlternative(error)) {
                alternative = path(
                        error.getEvaluationPath(), error.getEvaluationPath().getNameCount());
            }
            if (alternative == null) {
                told.add(describe(error));
            } else if (alternatives.containsKey(alternative)) {
                alternatives.get(alternative).add(error);
            } else {
                alternatives.put(alternative, new ArrayList<>(List.of(error)));
                told.add(alternative);
            }
        }
        Map<String, InputError> byPointer = new LinkedHashMap<>();
        for (Object item : told) {
            List<InputError> found = item instanceof InputError error
                    ? List.of(error)
                    : describeAlternative((String) item, alternatives.get(item));
            found.forEach(error -> byPointer.putIfAbsent(error.pointer(), error));
        }
        return List.copyOf(byPointer.values());
    }

    /**
     * One error where no form of an alternative fits, not one per form and reason. An alternative of plain values
     * that says what it stands for ({@code x-sello-expected}, as the money of the forms does: a number or a decimal
     * string) is told in those words, or by the bound the value breaks when it is a decimal ({@link ScalarAlternative}).
     */
    private List<InputError> describeAlternative(String alternative, List<Error> reports) {
        List<String> places = reports.stream()
                .map(error -> pointer(error.getInstanceLocation()))
                .distinct()
                .toList();
        if (places.size() == 1) {
            Error whole = reports.stream()
                    .filter(error -> isAlternative(error)
                            && alternative.equals(path(
                                    error.getEvaluationPath(),
                                    error.getEvaluationPath().getNameCount())))
                    .findFirst()
                    .orElse(null);
            JsonNode owner = whole != null ? keywordOwner(whole) : alternativeOwner(alternative, reports.get(0));
            InputError told = ScalarAlternative.describe(owner, reports.get(0).getInstanceNode(), places.get(0));
            if (told != null) {
                return List.of(told);
            }
        }
        return outermost(places).stream()
                .map(place -> new InputError(place, NO_FORM_FITS))
                .toList();
    }

    /**
     * The schema object holding the {@code anyOf} or {@code oneOf} at {@code alternative}, found from one of its forms'
     * reports: the validator does not always report the alternative itself (an {@code anyOf} whose forms all fail is
     * told only by their reasons). The report's schema location ends with the same steps as its evaluation path below
     * the alternative, unless a {@code $ref} lies between; then null.
     */
    private JsonNode alternativeOwner(String alternative, Error report) {
        NodePath evaluation = report.getEvaluationPath();
        NodePath location = report.getSchemaLocation() == null
                ? null
                : report.getSchemaLocation().getFragment();
        int above = alternative.split("/", -1).length - 1;
        int below = evaluation.getNameCount() - above;
        if (location == null || below < 1 || location.getNameCount() < below + 1) {
            return null;
        }
        int keyword = location.getNameCount() - below - 1;
        if (!String.valueOf(location.getElement(keyword)).equals(String.valueOf(evaluation.getElement(above - 1)))) {
            return null;
        }
        for (int i = 0; i < below; i++) {
            if (!String.valueOf(location.getElement(keyword + 1 + i))
                    .equals(String.valueOf(evaluation.getElement(above + i)))) {
                return null;
            }
        }
        JsonNode owner = tree.at(path(location, keyword));
        return owner.isObject() ? owner : null;
    }

    private static boolean isAlternative(Error error) {
        return "oneOf".equals(error.getKeyword()) || "anyOf".equals(error.getKeyword());
    }

    /** The schema object that holds the keyword {@code error} reports (for a {@code pattern}, the string's schema). */
    private JsonNode keywordOwner(Error error) {
        NodePath keyword = error.getSchemaLocation() == null
                ? null
                : error.getSchemaLocation().getFragment();
        if (keyword == null || keyword.getNameCount() == 0) {
            return null;
        }
        JsonNode owner = tree.at(path(keyword, keyword.getNameCount() - 1));
        return owner.isObject() ? owner : null;
    }

    /** The first {@code count} steps of {@code path} as a JSON pointer (RFC 6901 escapes). */
    private static String path(NodePath path, int count) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < count; i++) {
            pointer.append('/')
                    .append(String.valueOf(path.getElement(i))
                            .replace("~", "~0")
                            .replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** The places of {@code pointers} that lie inside none of the others. */
    private static List<String> outermost(List<String> pointers) {
        return pointers.stream()
                .distinct()
                .filter(p -> pointers.stream().noneMatch(q -> !q.equals(p) && (q.equals("/") || p.startsWith(q + "/"))))
                .toList();
    }

    /**
     * The evaluation path up to the outermost {@code oneOf} or {@code anyOf} whose alternatives the error explains, or
     * null. The validator reports why each alternative failed (a money run of a paragraph is also "not a string" and
     * "missing text"), which would blame the client for forms it never meant; such reasons are told as one error.
     */
    private static String alternative(NodePath evaluation) {
        for (int i = 0; i + 1 < evaluation.getNameCount(); i++) {
            Object step = evaluation.getElement(i);
            Object next = evaluation.getElement(i + 1);
            boolean branch = next instanceof Integer || (next instanceof String name && name.matches("\\d+"));
            if (("oneOf".equals(step) || "anyOf".equals(step)) && branch) {
                return path(evaluation, i + 1);
            }
        }
        return null;
    }

    /** The wording of the service's other messages, so that es.txt translates every fault alike, whichever check found it. */
    private InputError describe(Error error) {
        String at = pointer(error.getInstanceLocation());
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "required" -> new InputError(child(at, error.getProperty()), "is required");
            case "additionalProperties", "unevaluatedProperties" -> unknownField(error, at);
            case "type" ->
                new InputError(at, "expected " + expectedType(error) + " but got " + got(error.getInstanceNode()));
            case "enum", "const" ->
                new InputError(at, "expected one of " + allowed(error) + " but got " + literal(error));
            case "maxLength" ->
                new InputError(
                        at,
                        "expected at most " + argument(error, 0) + " characters but got "
                                + error.getInstanceNode()
                                        .stringValue()
                                        .codePointCount(
                                                0,
                                                error.getInstanceNode()
                                                        .stringValue()
                                                        .length()));
            case "minLength" -> new InputError(at, "must not be blank");
            case "maxItems" -> new InputError(at, "expected at most " + argument(error, 0) + " items");
            case "minItems" ->
                new InputError(
                        at,
                        "1".equals(argument(error, 0))
                                ? "expected at least one item"
                                : "expected at least " + argument(error, 0) + " items");
            // "\\S": the schemas' way of saying that a required text has something in it.
            case "pattern" -> pattern(error, at);
            case "format" ->
                "date".equals(argument(error, 0))
                        ? new InputError(at, "expected a real date as \"YYYY-MM-DD\" but got " + literal(error))
                        : new InputError(at, "does not match the published schema (keyword \"format\")");
            case "minimum" -> new InputError(at, "must be at least " + argument(error, 0));
            case "exclusiveMinimum" -> new InputError(at, ScalarAlternative.greaterThan(argument(error, 0)));
            case "maximum" -> new InputError(at, "must be at most " + argument(error, 0));
            case "exclusiveMaximum" -> new InputError(at, "must be less than " + argument(error, 0));
            case "oneOf", "anyOf" -> new InputError(at, NO_FORM_FITS);
            case "multipleOf" -> decimals(error, at);
            default -> new InputError(at, "does not match the published schema (keyword \"" + keyword + "\")");
        };
    }

    /**
     * An unknown field, with the fields its object takes (the wording the form's reader used: a client who wrote
     * {@code "sigla"} sees {@code "acronym"} among them).
     */
    private InputError unknownField(Error error, String at) {
        String pointer = child(at, error.getProperty());
        JsonNode object = keywordOwner(error);
        JsonNode properties = object == null ? null : object.get("properties");
        if (error.getProperty() == null || properties == null || !properties.isObject() || properties.isEmpty()) {
            return new InputError(pointer, "unknown field; not part of the published schema");
        }
        List<String> names = new ArrayList<>(properties.propertyNames());
        names.sort(null);
        return new InputError(
                pointer, "unknown field \"" + brief(error.getProperty()) + "\"; expected one of " + names);
    }

    /**
     * A text that does not have its pattern's form. {@code "\\S"} is the schemas' way of saying that a required text
     * has something in it; a pattern whose schema says what it stands for ({@code x-sello-expected}: an expense
     * group, an activity code) is told in those words, others by the pattern itself.
     */
    private InputError pattern(Error error, String at) {
        if ("\\S".equals(argument(error, 0))) {
            return new InputError(at, "must not be blank");
        }
        JsonNode owner = keywordOwner(error);
        JsonNode expected = owner == null ? null : owner.get(ScalarAlternative.EXPECTED);
        if (expected != null && expected.isString()) {
            return new InputError(
                    at, "expected " + expected.stringValue() + " but got " + got(error.getInstanceNode()));
        }
        return new InputError(at, "does not have the form the schema gives (pattern " + argument(error, 0) + ")");
    }

    /**
     * {@code "multipleOf": 0.01} is the schemas' way of saying "at most 2 decimals" (the forms print cents): said so,
     * in the words the budget tables use for the same fault, rather than by the keyword's name.
     */
    private static InputError decimals(Error error, String at) {
        try {
            BigDecimal step = new BigDecimal(argument(error, 0));
            if (step.signum() > 0 && step.scale() >= 0 && BigInteger.ONE.equals(step.unscaledValue())) {
                return new InputError(
                        at,
                        "expected at most " + step.scale() + " decimal places but got "
                                + brief(error.getInstanceNode().toString()) + " (nothing is rounded)");
            }
        } catch (RuntimeException notAPowerOfTen) {
            // another step than 1, 0.1, 0.01…: named by the keyword, as any other
        }
        return new InputError(at, "does not match the published schema (keyword \"multipleOf\")");
    }

    private static String expectedType(Error error) {
        String type = argument(error, 1);
        return switch (type) {
            case "object" -> "a JSON object";
            case "array" -> "an array";
            case "string" -> "a string";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            default -> type.replace("[", "").replace("]", "").replace(", ", " or ");
        };
    }

    /** What the client sent, described as every message of the service describes a value. */
    static String got(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isString()) {
            return "the string \"" + brief(node.stringValue()) + "\"";
        }
        if (node.isBoolean()) {
            return "the boolean " + node.booleanValue();
        }
        if (node.isNumber()) {
            return "the number " + brief(node.toString());
        }
        return node.isArray() ? "an array" : "an object";
    }

    /** What the client sent, as JSON: a choice is answered like the readers' enumerations ({@code but got "C"}). */
    private static String literal(Error error) {
        var node = error.getInstanceNode();
        if (node != null && node.isString()) {
            return "\"" + brief(node.stringValue()) + "\"";
        }
        return node == null ? "null" : brief(node.toString());
    }

    private static String allowed(Error error) {
        var schemaNode = error.getSchemaNode();
        List<String> values = new ArrayList<>();
        if (schemaNode != null && schemaNode.isArray()) {
            schemaNode.forEach(v -> values.add(v.isString() ? v.stringValue() : v.toString()));
        } else if (schemaNode != null) {
            values.add(schemaNode.isString() ? schemaNode.stringValue() : schemaNode.toString());
        }
        return values.toString();
    }

    private static String argument(Error error, int index) {
        Object[] arguments = error.getArguments();
        return arguments != null && arguments.length > index ? String.valueOf(arguments[index]) : "?";
    }

    /** What the client sent, cut so an error message never echoes a large value. */
    static String brief(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** RFC 6901: each step of the path, {@code ~} and {@code /} escaped; the root is "/", as the readers report it. */
    static String pointer(NodePath path) {
        String pointer = path(path, path.getNameCount());
        return pointer.isEmpty() ? "/" : pointer;
    }

    private static String child(String at, String name) {
        if (name == null) {
            return at;
        }
        String escaped = name.replace("~", "~0").replace("/", "~1");
        return at.equals("/") ? "/" + escaped : at + "/" + escaped;
    }
}
