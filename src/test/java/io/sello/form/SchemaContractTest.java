package io.sello.form;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sello.document.ValidationReport;
import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.sello.support.Fixtures.smallForm;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published JSON Schema and the service's own reader must agree: what one accepts the other
 * accepts, and each structural fault is refused by both.
 */
class SchemaContractTest {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Fixtures.poaForm().jsonSchema(), InputFormat.JSON);

    private static List<Error> schemaErrors(String json) {
        return SCHEMA.validate(json, InputFormat.JSON);
    }

    @Test
    void theExamplesAreValidForBoth() {
        String seed = new String(Fixtures.seedExample(), StandardCharsets.UTF_8);
        assertThat(schemaErrors(seed)).isEmpty();
        assertThat(schemaErrors(smallForm())).isEmpty();
        assertThat(Fixtures.poaForm().validate(Fixtures.seedExample()).valid()).isTrue();
        assertThat(new String(Fixtures.poaForm().example(), StandardCharsets.UTF_8))
                .isEqualTo(seed);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"fiscalYear\": 2024|\"fiscalYear\": \"2024\"",
                "\"acronym\": \"UPL\"|\"acronym\": \"UPL\", \"colour\": \"red\"",
                "\"tgn\": \"300.25\"|\"tgn\": \"-300.25\"",
                "\"tgn\": 1000.50|\"tgn\": \"1000.505\"",
                "\"expenseGroup\": \"30000\"|\"expenseGroup\": \"35000\"",
                "\"code\": \"01.01.02.\"|\"code\": \"uno\"",
                "\"role\": \"REVISADO\"|\"role\": \"VISTO\"",
                "\"specificActivity\": \"Seguimiento sin presupuesto\",|",
            })
    void faultsAreRefusedByTheSchemaAndTheReader(String edit) {
        String[] fromTo = edit.split("\\|", -1);
        String json = smallForm().replace(fromTo[0], fromTo[1]);
        assertThat(json).isNotEqualTo(smallForm());
        assertThat(schemaErrors(json)).as("schema").isNotEmpty();
        ValidationReport report = Fixtures.poaForm().validate(Fixtures.utf8(json));
        assertThat(report.errors()).as("reader").isNotEmpty();
    }
}
