package io.sello.document;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The words for a plain value that fits no form of its alternative, where the alternative says what it stands for
 * ({@code "x-sello-expected"}). The money of Formulario N.5.B and of the amendment is such an alternative: a JSON
 * number or a decimal string ({@code 1237022.00} or {@code "1237022.00"}). The validator can only say that neither
 * form fits; a planning office needs to read which rule the figure broke, as the form's reader told it before the
 * schema became the contract (issue 18): "must not be negative but got -300.25", "expected at most 2 decimal places
 * but got 1000.505", "expected an amount as a number or a decimal string such as "1237022.00" but got the string
 * "doscientos"". Only the wording is decided here; whether the value is refused was decided by the schema.
 */
final class ScalarAlternative {
    /** The schemas' own annotation: what a value of this schema stands for, after "expected". */
    static final String EXPECTED = "x-sello-expected";

    /** A decimal as the schemas' decimal strings write it, sign allowed so that a negative string is told as such. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,40}(\\.\\d{1,40})?");

    private ScalarAlternative() {}

    /**
     * The one error for {@code value} at {@code at}, or null when {@code alternative} does not say what it stands
     * for (then the caller keeps its general "no form fits" error).
     */
    static InputError describe(JsonNode alternative, JsonNode value, String at) {
        JsonNode expected = alternative == null ? null : alternative.get(EXPECTED);
        if (expected == null || !expected.isString() || value == null) {
            return null;
        }
        BigDecimal number = decimal(value);
        JsonNode numberForm = numberForm(alternative);
        if (number != null && numberForm != null) {
            String broken = bound(numberForm, number, shown(value));
            if (broken != null) {
                return new InputError(at, broken);
            }
        }
        return new InputError(at, "expected " + expected.stringValue() + " but got " + SchemaCheck.got(value));
    }

    /** {@code "exclusiveMinimum": 0} is "greater than zero", in the words the readers used for a rate. */
    static String greaterThan(String bound) {
        return isZero(bound) ? "must be greater than zero" : "must be greater than " + bound;
    }

    /** The first bound of {@code form} (a {@code "type": "number"} schema) that {@code number} breaks, in words. */
    private static String bound(JsonNode form, BigDecimal number, String shown) {
        BigDecimal minimum = limit(form, "minimum");
        if (minimum != null && number.compareTo(minimum) < 0) {
            return minimum.signum() == 0
                    ? "must not be negative but got " + shown
                    : "must be at least " + minimum.toPlainString();
        }
        BigDecimal above = limit(form, "exclusiveMinimum");
        if (above != null && number.compareTo(above) <= 0) {
            return greaterThan(above.toPlainString());
        }
        BigDecimal maximum = limit(form, "maximum");
        if (maximum != null && number.compareTo(maximum) > 0) {
            return "must be at most " + maximum.toPlainString();
        }
        BigDecimal below = limit(form, "exclusiveMaximum");
        if (below != null && number.compareTo(below) >= 0) {
            return "must be less than " + below.toPlainString();
        }
        BigDecimal step = limit(form, "multipleOf");
        if (step != null
                && step.signum() > 0
                && BigInteger.ONE.equals(step.unscaledValue())
                && step.scale() >= 0
                && number.stripTrailingZeros().scale() > step.scale()) {
            return "expected at most " + step.scale() + " decimal places but got " + shown + " (nothing is rounded)";
        }
        return null;
    }

    /**
     * The alternative's form for JSON numbers, whose bounds a decimal string must keep as well; looked for one level
     * down too, where an amount is itself an alternative (a budget table's cell: an amount, "-" or "n.a.").
     */
    private static JsonNode numberForm(JsonNode alternative) {
        for (String keyword : new String[] {"oneOf", "anyOf"}) {
            for (JsonNode form : alternative.path(keyword)) {
                String type = form.path("type").asString("");
                if (type.equals("number") || type.equals("integer")) {
                    return form;
                }
            }
        }
        for (String keyword : new String[] {"oneOf", "anyOf"}) {
            for (JsonNode form : alternative.path(keyword)) {
                if (form.has("oneOf") || form.has("anyOf")) {
                    JsonNode inner = numberForm(form);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
        }
        return null;
    }

    /** The value as a decimal, whether sent as a JSON number or as a decimal string; null when it is neither. */
    private static BigDecimal decimal(JsonNode value) {
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isString() && DECIMAL.matcher(value.stringValue()).matches()) {
                return new BigDecimal(value.stringValue());
            }
        } catch (RuntimeException notADecimal) {
            // a double's infinity or NaN: told by what was expected
        }
        return null;
    }

    private static String shown(JsonNode value) {
        return SchemaCheck.brief(value.isString() ? value.stringValue() : value.toString());
    }

    private static BigDecimal limit(JsonNode form, String keyword) {
        JsonNode limit = form.get(keyword);
        return limit != null && limit.isNumber() ? limit.decimalValue() : null;
    }

    private static boolean isZero(String bound) {
        try {
            return new BigDecimal(bound).signum() == 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
