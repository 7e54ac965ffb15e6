package io.sello.document;

import io.sello.support.Fixtures;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The published JSON Schema is enforced at run time by the one pipeline (issue 18, point 1): what a type's hand-written
 * reader lets through but the schema forbids is refused, with the pointer, on validate and render alike; and the
 * validator's reports from the alternatives of a oneOf never blame the client for forms it did not mean.
 */
class PublishedContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The example with the member {@code field} of the object at {@code pointer} set to {@code value} (JSON). */
    private static byte[] edited(String example, String pointer, String field, String value) {
        JsonNode root = JSON.readTree(Fixtures.read(Path.of(example)));
        ObjectNode target = (ObjectNode) root.at(pointer);
        target.set(field, JSON.readTree(value));
        return JSON.writeValueAsBytes(root);
    }

    @Test
    void everyExampleMeetsItsSchema() throws Exception {
        for (DocumentType type : Fixtures.types().all()) {
            SchemaCheck contract = new SchemaCheck(type.jsonSchema());
            assertThat(contract.check(type.example())).as(type.id().value()).isEmpty();
        }
    }

    @Test
    void aValueTheReaderTakesButTheSchemaForbidsIsRefusedWithItsPointer() {
        DocumentType budget = Fixtures.types().find("budget-summary").orElseThrow();
        // the reader reads a null level as no level; the published contract says a level is a whole number
        byte[] json = edited("examples/budget-summary/resumen-subproyectos.json", "/tables/0/rows/0", "level", "null");
        ValidationReport report = budget.validate(json);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.pointer()).isEqualTo("/tables/0/rows/0/level");
            assertThat(e.message()).isEqualTo("expected a whole number but got null");
        });
        assertThatThrownBy(() -> budget.render(json, RenderOptions.STRICT))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(InputError::pointer)
                                .containsExactly("/tables/0/rows/0/level"));
    }

    @Test
    void aValueThatFitsNoAlternativeIsOneErrorAtItsPlace() {
        DocumentType budget = Fixtures.types().find("budget-summary").orElseThrow();
        byte[] json =
                edited("examples/budget-summary/resumen-subproyectos.json", "/tables/0/rows/0/values", "chf", "null");
        assertThat(budget.validate(json).errors())
                .extracting(InputError::pointer, InputError::message)
                .containsExactly(Tuple.tuple(
                        "/tables/0/rows/0/values/chf", "expected an amount, \"-\" or \"n.a.\" but got null"));
    }

    @Test
    void aFaultBothFindIsReportedOnceInTheReadersWords() {
        byte[] json = edited(
                "examples/agreement-amendment/minimal.json",
                "/articles/0/paragraphs/0/1/money",
                "amount",
                "\"1000000000000000.00\"");
        assertThat(Fixtures.amendment().validate(json).errors())
                .extracting(InputError::pointer)
                .containsExactly("/articles/0/paragraphs/0/1/money/amount");
    }
}
