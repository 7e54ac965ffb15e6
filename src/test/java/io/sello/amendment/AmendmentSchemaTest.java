package io.sello.amendment;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The published schema of agreement-amendment accepts the examples and refuses what the reader refuses. */
class AmendmentSchemaTest {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Fixtures.amendment().jsonSchema(), InputFormat.JSON);

    @Test
    void examplesAreValid() {
        for (var example : new Path[] {AmendmentPdfTest.SEED, AmendmentPdfTest.MINIMAL}) {
            assertThat(SCHEMA.validate(new String(Fixtures.read(example), StandardCharsets.UTF_8), InputFormat.JSON))
                    .as(example.toString())
                    .isEmpty();
        }
    }

    @Test
    void faultsAreRefusedByBoth() {
        String minimal = new String(Fixtures.read(AmendmentPdfTest.MINIMAL), StandardCharsets.UTF_8);
        for (String bad : new String[] {
            minimal.replace("\"USD\"", "\"XAU\""),
            minimal.replace("\"copies\": 2", "\"copies\": 0"),
            minimal.replace("\"number\": 1", "\"number\": \"1\""),
            minimal.replace("\"title\": \"ENMIENDA\"", "\"title\": \"ENMIENDA\", \"extra\": true")
        }) {
            assertThat(bad).isNotEqualTo(minimal);
            assertThat(SCHEMA.validate(bad, InputFormat.JSON)).as(bad).isNotEmpty();
            assertThat(Fixtures.amendment().validate(Fixtures.utf8(bad)).errors())
                    .as(bad)
                    .isNotEmpty();
        }
    }
}
