package io.sello.plan;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sello.document.ValidationReport;
import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlanContractTest {
    /** The small example, compacted so that edits are exact. */
    private static final String SMALL = JsonMapper.builder()
            .build()
            .readTree(Fixtures.read(PlanPdfTest.SMALL))
            .toString();

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Fixtures.plan().jsonSchema(), InputFormat.JSON);

    private static ValidationReport validate(String json) {
        return Fixtures.plan().validate(Fixtures.utf8(json));
    }

    @Test
    void theExamplesAreValidForTheReaderAndTheSchema() {
        for (var example : new Path[] {PlanPdfTest.SEED, PlanPdfTest.SMALL}) {
            String json = new String(Fixtures.read(example), StandardCharsets.UTF_8);
            assertThat(validate(json).errors()).as(example.toString()).isEmpty();
            assertThat(SCHEMA.validate(json, InputFormat.JSON))
                    .as(example.toString())
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ragged row         | [\"1.2 Documento\",\"\",\"X\",\"X\",\"\"] | [\"1.2 Documento\",\"X\"]  | /sections/0/sections/0/blocks/2/table/body/1 | covering 5 columns",
                "rowspan too short  | \"rowspan\":2                   | \"rowspan\":1                   | /sections/0/sections/0/blocks/1/table/body/1 | covering 4 columns",
                "two kinds          | {\"heading\":\"a) Indicadores\"} | {\"heading\":\"a)\",\"paragraph\":\"x\"} | /sections/0/sections/0/blocks/0 | does not have any of the forms",
                "blank paragraph    | \"Reducir la pobreza\"            | \"  \"                          | /sections/0/blocks/1/list/0                  | must not be blank",
                "bad alignment      | \"align\":\"right\"           | \"align\":\"justify\"        | /sections/1/blocks/0/table/columns/1/align   | expected one of [left, center, right] but got \"justify\"",
                "zero width         | {\"width\":60}                    | {\"width\":0}                   | /sections/1/blocks/0/table/columns/0/width   | must be greater than zero",
                "two kinds of run   | {\"footnote\":                    | {\"text\":\"x\",\"footnote\": | /sections/0/blocks/0/paragraph/3 | does not have any of the forms",
                "amount in a plan   | {\"footnote\":                    | {\"money\":{\"amount\":1,\"currency\":\"USD\"},\"footnote\": | /sections/0/blocks/0/paragraph/3/money | unknown field \"money\"; expected one of [footnote, number]",
                "footnote number 0  | {\"footnote\":                    | {\"number\":0,\"footnote\":      | /sections/0/blocks/0/paragraph/3/number | must be at least 1",
                "number on text     | {\"footnote\":                    | {\"text\":\"x\",\"number\":2},{\"footnote\": | /sections/0/blocks/0/paragraph/3/number | unknown field \"number\"; expected one of [bold, italic, text, underline]",
            })
    void namesTheFieldAndWhatWasExpected(String name, String from, String to, String pointer, String message) {
        String json = SMALL.replace(from.strip(), to.strip());
        assertThat(json).as("the fixture edit applies").isNotEqualTo(SMALL);
        assertThat(validate(json).errors()).anySatisfy(error -> {
            assertThat(error.pointer()).isEqualTo(pointer);
            assertThat(error.message()).contains(message);
        });
    }

    @Test
    void sectionsNestAtMostThreeLevels() {
        String deep = SMALL.replace(
                "\"title\":\"A1. Resultados\",",
                "\"title\":\"A1. Resultados\",\"sections\":[{\"title\":\"i) x\",\"sections\":[{\"title\":\"a) y\"}]}],");
        assertThat(validate(deep).errors()).anySatisfy(error -> {
            assertThat(error.pointer()).isEqualTo("/sections/0/sections/0/sections/0/sections");
            assertThat(error.message()).contains("at most 3 levels");
        });
    }
}
