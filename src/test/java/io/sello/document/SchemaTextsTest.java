package io.sello.document;

import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, point 1: the data-entry page is generated from the schemas, so every property of every published
 * schema carries a Spanish {@code title} (the label staff see) and {@code description} (the help text), and every
 * {@code enum} its Spanish choices in {@code x-enum-titles}, one per value.
 */
class SchemaTextsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"poa-execution-form", "budget-summary", "operational-plan", "agreement-amendment"})
    void everyPropertyHasASpanishTitleAndDescriptionAndEveryEnumItsChoices(String type) {
        JsonNode schema =
                JSON.readTree(Fixtures.types().find(type).orElseThrow().jsonSchema());
        assertThat(schema.get("title").stringValue()).isNotBlank();
        assertThat(schema.get("description").stringValue()).startsWith("Datos ");
        List<String> missing = new ArrayList<>();
        List<String> english = new ArrayList<>();
        List<String> enums = new ArrayList<>();
        walk(schema, "", missing, english, enums);
        assertThat(missing).as("properties without a title or a description").isEmpty();
        assertThat(english).as("descriptions still in English").isEmpty();
        assertThat(enums).as("enums without one Spanish title per value").isEmpty();
    }

    @Test
    void theFormLabelsItsFieldsAsThePaperFormDoes() {
        JsonNode schema = JSON.readTree(Fixtures.poaForm().jsonSchema());
        JsonNode activity = schema.at("/properties/activities/items/properties");
        assertThat(schema.at("/properties/header/properties/organizationalArea/title")
                        .stringValue())
                .isEqualTo("Área Organizacional");
        assertThat(schema.at("/properties/header/properties/cutOffDate/title").stringValue())
                .isEqualTo("Fecha de Corte");
        assertThat(activity.at("/code/title").stringValue()).isEqualTo("(1) CÓDIGO");
        assertThat(schema.at("/$defs/split/properties/tgn/title").stringValue()).isEqualTo("T.G.N.");
        assertThat(schema.at("/$defs/split/properties/otherSources/title").stringValue())
                .isEqualTo("Otras fuentes");
        assertThat(schema.at("/$defs/money/description").stringValue())
                .contains("bolivianos", "2 decimales", "999,999,999,999.99");
        assertThat(schema.at("/properties/signatories/items/properties/role/x-enum-titles")
                        .toString())
                .isEqualTo("[\"Elaborado por\",\"Revisado por\",\"Aprobado por\"]");
    }

    private static void walk(
            JsonNode node, String path, List<String> missing, List<String> english, List<String> enums) {
        if (node == null || !node.isObject()) {
            return;
        }
        if (node.has("enum")) {
            JsonNode titles = node.get("x-enum-titles");
            if (titles == null || titles.size() != node.get("enum").size()) {
                enums.add(path);
            }
        }
        if (node.has("description")
                && node.get("description").stringValue().matches("(?s).*( the | of | and | is |e\\.g\\.).*")) {
            english.add(path + ": " + node.get("description").stringValue());
        }
        if (node.has("properties")) {
            for (Map.Entry<String, JsonNode> property : node.get("properties").properties()) {
                JsonNode value = property.getValue();
                if (!value.has("title") || !value.has("description")) {
                    missing.add(path + "/properties/" + property.getKey());
                }
                walk(value, path + "/properties/" + property.getKey(), missing, english, enums);
            }
        }
        // if/then/else and not only constrain properties defined here; they define none of their own
        for (String key : List.of("items", "additionalProperties")) {
            walk(node.get(key), path + "/" + key, missing, english, enums);
        }
        for (String key : List.of("oneOf", "anyOf", "allOf")) {
            if (node.has(key)) {
                for (int i = 0; i < node.get(key).size(); i++) {
                    walk(node.get(key).get(i), path + "/" + key + "/" + i, missing, english, enums);
                }
            }
        }
        if (node.has("$defs")) {
            for (Map.Entry<String, JsonNode> def : node.get("$defs").properties()) {
                walk(def.getValue(), "/$defs/" + def.getKey(), missing, english, enums);
            }
        }
    }
}
