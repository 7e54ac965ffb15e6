package io.sello.budget;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published budget-summary schema accepts the seed examples and refuses what the reader refuses;
 * the operational-plan and amendment schemas carry the very same budget table definition.
 */
class BudgetSchemaTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Schema schema(String type) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Fixtures.types().find(type).orElseThrow().jsonSchema(), InputFormat.JSON);
    }

    @Test
    void examplesAreValid() throws IOException {
        Schema schema = schema("budget-summary");
        for (Path example : SeedReconciliationTest.examples()) {
            assertThat(schema.validate(Files.readString(example), InputFormat.JSON))
                    .as(example.toString())
                    .isEmpty();
        }
        assertThat(schema("operational-plan")
                        .validate(
                                Files.readString(Path.of("examples/operational-plan/pcc-plan-operativo-2008.json")),
                                InputFormat.JSON))
                .isEmpty();
        assertThat(schema("agreement-amendment")
                        .validate(
                                Files.readString(Path.of("examples/agreement-amendment/pcc-peru-2008.json")),
                                InputFormat.JSON))
                .isEmpty();
    }

    @Test
    void faultsAreRefusedByBoth() throws IOException {
        Schema schema = schema("budget-summary");
        String good = Files.readString(Path.of("examples/budget-summary/resumen-subproyectos.json"));
        for (String bad : new String[] {
            good.replace("\"formula\": \"usd + igv - executed - august\"", "\"formula\": \"usd * 2\""),
            good.replace("\"currency\": \"CHF\"", "\"currency\": \"XAU\""),
            good.replace("\"chf\": 240000", "\"chf\": \"doscientos\""),
            good.replace("\"label\": \"PROSUR\"", "\"label\": \"PROSUR\", \"total\": \"x\""),
            good.replace("\"labelHeader\": \"Rubro / Institución\",", ""),
            good.replace(
                    "\"labelHeader\": \"Rubro / Institución\",",
                    "\"labelHeader\": \"Rubro / Institución\", \"rounding\": \"cell\","),
            good.replaceFirst("\\{", "{\"figures\": \"declared\","),
            // display rounding prints half up, like a spreadsheet's number format
            good.replace(
                            "\"labelHeader\": \"Rubro / Institución\",",
                            "\"labelHeader\": \"Rubro / Institución\", \"rounding\": \"display\",")
                    .replace(
                            "\"currency\": \"USD\"\n",
                            "\"currency\": \"USD\", \"convert\": {\"from\": \"chf\", \"rate\": {\"base\": \"USD\", \"value\": 1.25}, \"rounding\": \"DOWN\"}\n")
        }) {
            assertThat(bad).isNotEqualTo(good);
            assertThat(schema.validate(bad, InputFormat.JSON)).as(bad).isNotEmpty();
            assertThat(Fixtures.types()
                            .find("budget-summary")
                            .orElseThrow()
                            .validate(bad.getBytes(StandardCharsets.UTF_8))
                            .errors())
                    .as(bad)
                    .isNotEmpty();
        }
    }

    @Test
    void figuresIsAFieldOfEveryRequestThatPrintsBudgets() throws IOException {
        Map<String, Path> examples = Map.of(
                "budget-summary",
                Path.of("examples/budget-summary/resumen-subproyectos.json"),
                "operational-plan",
                Path.of("examples/operational-plan/pcc-plan-operativo-2008.json"),
                "agreement-amendment",
                Path.of("examples/agreement-amendment/pcc-peru-2008.json"));
        for (Map.Entry<String, Path> example : examples.entrySet()) {
            String type = example.getKey();
            String json = Files.readString(example.getValue());
            String computed = json.replaceFirst("\\{", "{\"figures\": \"computed\",");
            assertThat(schema(type).validate(computed, InputFormat.JSON))
                    .as(type)
                    .isEmpty();
            assertThat(Fixtures.types()
                            .find(type)
                            .orElseThrow()
                            .validate(computed.getBytes(StandardCharsets.UTF_8))
                            .errors())
                    .as(type)
                    .isEmpty();
            String wrong = json.replaceFirst("\\{", "{\"figures\": \"rounded\",");
            assertThat(schema(type).validate(wrong, InputFormat.JSON)).as(type).isNotEmpty();
            assertThat(Fixtures.types()
                            .find(type)
                            .orElseThrow()
                            .validate(wrong.getBytes(StandardCharsets.UTF_8))
                            .errors())
                    .as(type)
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.pointer()).isEqualTo("/figures");
                        assertThat(e.message())
                                .isEqualTo("expected one of [declared-within-rounding, computed] but got \"rounded\"");
                    });
        }
        // One choice per request: the amendment's annex takes none of its own.
        String annex = Files.readString(examples.get("agreement-amendment"))
                .replace("\"annex\": {", "\"annex\": {\"figures\": \"computed\",");
        assertThat(schema("agreement-amendment").validate(annex, InputFormat.JSON))
                .isNotEmpty();
        assertThat(Fixtures.types()
                        .find("agreement-amendment")
                        .orElseThrow()
                        .validate(annex.getBytes(StandardCharsets.UTF_8))
                        .errors())
                .singleElement()
                .satisfies(e -> assertThat(e.pointer()).isEqualTo("/annex/figures"));
    }

    @Test
    void everySchemaDefinesBudgetTablesTheSameWay() {
        JsonNode summary = JSON.readTree(
                        Fixtures.types().find("budget-summary").orElseThrow().jsonSchema())
                .get("$defs")
                .get("budgetTable");
        for (String type : new String[] {"operational-plan", "agreement-amendment"}) {
            JsonNode defs = JSON.readTree(
                            Fixtures.types().find(type).orElseThrow().jsonSchema())
                    .get("$defs");
            assertThat(defs.get("budgetTable")).as(type).isEqualTo(summary);
        }
    }
}
