package io.sello.input;

import io.sello.document.InputFindings;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A read-only view of one JSON object in an untrusted request. Each accessor checks type and
 * range, records a precise error (JSON pointer + what was expected) and returns {@code null}
 * instead of throwing, so one pass finds every problem in the request.
 */
public final class JsonObject {
    /** Money in the forms is at most 15 integer digits (hundreds of trillions), 2 decimals. */
    private static final int MAX_INTEGER_DIGITS = 15;

    private static final int MAX_TEXT_LENGTH = 4000;
    private static final Pattern DECIMAL_STRING = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private final JsonNode node;
    private final String pointer;
    private final InputFindings findings;

    private JsonObject(JsonNode node, String pointer, InputFindings findings, Set<String> fields) {
        this.node = node;
        this.pointer = pointer;
        this.findings = findings;
        for (String name : node.propertyNames()) {
            if (!fields.contains(name)) {
                findings.error(
                        JsonPointers.child(pointer, name),
                        "unknown field \"" + name + "\"; expected one of " + new TreeSet<>(fields));
            }
        }
    }

    /** The request root, which must be an object; {@code null} (with an error recorded) otherwise. */
    public static JsonObject root(JsonNode node, InputFindings findings, String... fields) {
        return of(node, JsonPointers.ROOT, findings, fields);
    }

    static JsonObject of(JsonNode node, String pointer, InputFindings findings, String... fields) {
        if (node == null || !node.isObject()) {
            findings.error(JsonPointers.display(pointer), "expected a JSON object but got " + describe(node));
            return null;
        }
        return new JsonObject(node, pointer, findings, Set.copyOf(Arrays.asList(fields)));
    }

    public String pointer() {
        return pointer;
    }

    /** The object as parsed, for a part that is bound to records instead (issue 18: a plan's budget blocks). */
    public JsonNode node() {
        return node;
    }

    public String pointer(String field) {
        return JsonPointers.child(pointer, field);
    }

    public InputFindings findings() {
        return findings;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public boolean isEmptyArray(String field) {
        return arrayLength(field) == 0;
    }

    /** The length of an array field, or -1 when it is absent or not an array. */
    public int arrayLength(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isArray() ? value.size() : -1;
    }

    /** A nested object, or {@code null}. */
    public JsonObject object(String field, Presence presence, String... fields) {
        JsonNode value = present(field, presence);
        return value == null ? null : of(value, pointer(field), findings, fields);
    }

    /** A field whose shape is not known in advance, or {@code null} when absent. */
    public JsonElement element(String field, Presence presence) {
        JsonNode value = present(field, presence);
        return value == null ? null : new JsonElement(value, pointer(field), findings);
    }

    /** The elements of an array field, whatever their shape; an absent optional array is an empty list. */
    public List<JsonElement> elements(String field, Presence presence) {
        JsonNode value = present(field, presence);
        return value == null ? new ArrayList<>() : elementsOf(value, pointer(field), findings);
    }

    static List<JsonElement> elementsOf(JsonNode value, String pointer, InputFindings findings) {
        if (!value.isArray()) {
            findings.error(pointer, "expected an array but got " + describe(value));
            return new ArrayList<>();
        }
        return JsonElement.of(value, pointer, findings);
    }

    /** The objects of an array field; an absent optional array is an empty list. */
    public List<JsonObject> objects(String field, Presence presence, String... fields) {
        List<JsonObject> result = new ArrayList<>();
        for (JsonElement element : elements(field, presence)) {
            result.add(element.object(fields));
        }
        return result;
    }

    /**
     * A text field, trimmed. Text that was UTF-8 mis-decoded as Latin-1 upstream is repaired and a
     * {@code text-repaired} warning names the field.
     */
    public String text(String field, Presence presence) {
        return string(field, presence, true);
    }

    /** Like {@link #text}, but keeps leading and trailing spaces: a run of a paragraph ends where the next begins. */
    public String run(String field) {
        return string(field, Presence.REQUIRED, false);
    }

    private String string(String field, Presence presence, boolean strip) {
        JsonNode value = present(field, presence);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            findings.error(pointer(field), "expected a string but got " + describe(value));
            return null;
        }
        return checkedText(value.stringValue(), pointer(field), findings, presence == Presence.REQUIRED, strip);
    }

    /** Bounds and repairs one piece of untrusted text; {@code null} with an error when it is refused. */
    static String checkedText(String raw, String pointer, InputFindings findings, boolean required, boolean strip) {
        String text = strip ? raw.strip() : raw;
        if (text.length() > MAX_TEXT_LENGTH) {
            findings.error(pointer, "expected at most " + MAX_TEXT_LENGTH + " characters but got " + text.length());
            return null;
        }
        if (required && text.isBlank()) {
            findings.error(pointer, "must not be blank");
            return null;
        }
        var repaired = Mojibake.repair(text);
        // Checked after the repair: mis-decoded UTF-8 carries C1 controls that the repair turns back into letters.
        String hidden = InvisibleCharacters.find(repaired.orElse(text));
        if (hidden != null) {
            findings.error(pointer, hidden);
            return null;
        }
        if (repaired.isPresent()) {
            findings.warn(
                    pointer,
                    "text-repaired",
                    "repaired mis-encoded text \"" + text + "\" to \"" + repaired.get() + "\"");
            return repaired.get();
        }
        return text;
    }

    /** A text field that must match {@code pattern}, described to the client as {@code expected}. */
    public String matching(String field, Presence presence, Pattern pattern, String expected) {
        String text = text(field, presence);
        if (text != null && !pattern.matcher(text).matches()) {
            findings.error(pointer(field), "expected " + expected + " but got \"" + text + "\"");
            return null;
        }
        return text;
    }

    /** An optional boolean, {@code false} when absent. */
    public boolean flag(String field) {
        JsonNode value = present(field, Presence.OPTIONAL);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            findings.error(pointer(field), "expected true or false but got " + describe(value));
            return false;
        }
        return value.booleanValue();
    }

    public <E extends Enum<E>> E enumeration(String field, Presence presence, Class<E> type) {
        String text = text(field, presence);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        findings.error(
                pointer(field),
                "expected one of " + Arrays.toString(type.getEnumConstants()) + " but got \"" + text + "\"");
        return null;
    }

    /** An ISO date ({@code 2020-01-02}); impossible dates such as {@code 2020-02-30} are refused. */
    public LocalDate date(String field, Presence presence) {
        JsonNode value = present(field, presence);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            findings.error(pointer(field), "expected a date as \"YYYY-MM-DD\" but got " + describe(value));
            return null;
        }
        try {
            return LocalDate.parse(value.stringValue(), ISO_DATE);
        } catch (DateTimeParseException e) {
            findings.error(
                    pointer(field), "expected a real date as \"YYYY-MM-DD\" but got \"" + value.stringValue() + "\"");
            return null;
        }
    }

    public Integer integer(String field, Presence presence, int min, int max) {
        JsonNode value = present(field, presence);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()
                || value.bigIntegerValue().compareTo(BigInteger.valueOf(min)) < 0
                || value.bigIntegerValue().compareTo(BigInteger.valueOf(max)) > 0) {
            findings.error(
                    pointer(field),
                    "expected a whole number from " + min + " to " + max + " but got " + describe(value));
            return null;
        }
        return value.intValue();
    }

    /**
     * A non-negative amount with at most 2 decimals, sent as a JSON number or a decimal string
     * ({@code 1237022.00} or {@code "1237022.00"}). Returned with scale 2.
     */
    public BigDecimal money(String field, Presence presence) {
        return decimal(field, presence, "an amount");
    }

    /**
     * Like {@link #money(String, Presence)}, but at most {@code maximum}: the largest amount the
     * document prints in full (see the document type's schema, which states the same maximum).
     */
    public BigDecimal money(String field, Presence presence, BigDecimal maximum) {
        return atMost(field, money(field, presence), maximum);
    }

    /** A non-negative percentage with at most 2 decimals, e.g. {@code 87.5}. */
    public BigDecimal percent(String field, Presence presence) {
        return decimal(field, presence, "a percentage");
    }

    /** Like {@link #percent(String, Presence)}, but at most {@code maximum}, the largest the document prints in full. */
    public BigDecimal percent(String field, Presence presence, BigDecimal maximum) {
        return atMost(field, percent(field, presence), maximum);
    }

    private BigDecimal atMost(String field, BigDecimal number, BigDecimal maximum) {
        if (number != null && number.compareTo(maximum) > 0) {
            findings.error(
                    pointer(field),
                    "expected at most " + maximum.toPlainString()
                            + ", the largest figure this document prints in full, but got " + brief(number));
            return null;
        }
        return number;
    }

    /**
     * A signed amount with at most {@code maxDecimals} decimals, as a JSON number or a decimal string;
     * returned as sent (budget tables print negatives in parentheses).
     */
    public BigDecimal signedAmount(String field, Presence presence, int maxDecimals) {
        return number(field, presence, "an amount", true, maxDecimals);
    }

    /** A positive number with at most 10 decimals, such as an exchange rate ({@code 1.123}). */
    public BigDecimal positive(String field, Presence presence, String what) {
        BigDecimal number = number(field, presence, what, false, 10);
        if (number != null && number.signum() == 0) {
            findings.error(pointer(field), "must be greater than zero");
            return null;
        }
        return number;
    }

    private BigDecimal decimal(String field, Presence presence, String what) {
        BigDecimal number = number(field, presence, what, false, 2);
        return number == null ? null : number.setScale(2);
    }

    private BigDecimal number(String field, Presence presence, String what, boolean negativeAllowed, int maxDecimals) {
        JsonNode value = present(field, presence);
        if (value == null) {
            return null;
        }
        BigDecimal number;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isString()
                && DECIMAL_STRING.matcher(value.stringValue()).matches()
                && value.stringValue().length() <= 40) {
            number = new BigDecimal(value.stringValue());
        } else {
            findings.error(
                    pointer(field),
                    "expected " + what + " as a number or a decimal string such as \"1237022.00\" but got "
                            + describe(value));
            return null;
        }
        if (number.signum() < 0 && !negativeAllowed) {
            findings.error(pointer(field), "must not be negative but got " + brief(number));
            return null;
        }
        if (Math.max(number.stripTrailingZeros().scale(), 0) > maxDecimals) {
            findings.error(pointer(field), "expected at most " + maxDecimals + " decimals but got " + brief(number));
            return null;
        }
        if (number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
            findings.error(pointer(field), "expected at most " + MAX_INTEGER_DIGITS + " integer digits");
            return null;
        }
        return number.scale() < 0 ? number.setScale(0) : number;
    }

    /** A nested object as JSON text, to be read later by its own reader (a batch item's document); {@code null} with an error when not an object. */
    public String rawObject(String field) {
        JsonNode value = present(field, Presence.REQUIRED);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            findings.error(pointer(field), "expected a JSON object but got " + describe(value));
            return null;
        }
        return value.toString();
    }

    /** Whether a field holds a JSON string (as opposed to a number, an object…). */
    public boolean isString(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString();
    }

    /** The names of the fields present, in the order sent. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private JsonNode present(String field, Presence presence) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (presence == Presence.REQUIRED) {
                findings.error(pointer(field), "is required");
            }
            return null;
        }
        return value;
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isString()) {
            String text = value.stringValue();
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        if (value.isNumber()) {
            return "the number " + brief(value.decimalValue());
        }
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> "the boolean " + value.booleanValue();
            case NULL -> "null";
            default -> "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** A number as the client can recognise it, never a billion digits long ({@code 1e1000000000}). */
    private static String brief(BigDecimal number) {
        String text = Math.abs(number.scale()) > 30 ? number.toString() : number.toPlainString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Whether a field must be present. */
    public enum Presence {
        REQUIRED,
        OPTIONAL
    }
}
