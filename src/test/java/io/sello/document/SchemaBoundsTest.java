package io.sello.document;

import io.sello.input.JsonLimits;
import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One story for limits (issue 18, point 1; docs/limits.md, "Three layers"): the streaming check of sello.limits.* is
 * the outer bound of any request, the published schema the bound of each field, and the schema never promises more
 * than the outer bound or the readers' own text bound take. Every text and every list of every schema is bounded.
 */
class SchemaBoundsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyTextAndListOfEverySchemaIsBoundedWithinTheServiceLimits() {
        List<String> unbounded = new ArrayList<>();
        int texts = 0;
        for (DocumentType type : Fixtures.types().all()) {
            List<JsonNode> strings = new ArrayList<>();
            List<JsonNode> arrays = new ArrayList<>();
            collect(JSON.readTree(type.jsonSchema()), strings, arrays);
            texts += strings.size();
            for (JsonNode string : strings) {
                if (string.has("enum") || string.has("const") || string.has("format") || boundedPattern(string)) {
                    continue; // bounded by its values, its format or its pattern
                }
                if (!string.has("maxLength")) {
                    unbounded.add(type.id() + ": a string without maxLength: " + brief(string));
                } else {
                    assertThat(string.get("maxLength").intValue())
                            .as(type.id() + " " + brief(string))
                            .isLessThanOrEqualTo(JsonLimits.DEFAULTS.maxStringLength());
                }
            }
            for (JsonNode array : arrays) {
                if (!array.has("maxItems")) {
                    unbounded.add(type.id() + ": an array without maxItems: " + brief(array));
                } else {
                    assertThat(array.get("maxItems").intValue())
                            .as(type.id() + " " + brief(array))
                            .isLessThanOrEqualTo(JsonLimits.DEFAULTS.maxItems());
                }
            }
        }
        assertThat(texts).as("string fields found in the schemas").isGreaterThan(50);
        assertThat(unbounded).isEmpty();
    }

    /** A pattern anchored at both ends with only bounded repetition ({@code ^\\d{1,12}$}) bounds the length itself. */
    private static boolean boundedPattern(JsonNode string) {
        if (!string.has("pattern")) {
            return false;
        }
        String pattern = string.get("pattern").stringValue();
        return pattern.startsWith("^")
                && pattern.endsWith("$")
                && !pattern.matches(".*(?<!\\\\)[*+].*")
                && !pattern.matches(".*\\{\\d+,}.*");
    }

    private static void collect(JsonNode node, List<JsonNode> strings, List<JsonNode> arrays) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            if (type != null && type.isString() && type.stringValue().equals("string")) {
                strings.add(node);
            }
            if (type != null && type.isString() && type.stringValue().equals("array")) {
                arrays.add(node);
            }
            node.forEach(child -> collect(child, strings, arrays));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, strings, arrays));
        }
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
