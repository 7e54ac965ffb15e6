package io.sello.budget;

import io.sello.document.InputError;
import io.sello.document.InputFindings;
import io.sello.document.SchemaCheck;
import io.sello.input.JsonObject;
import io.sello.input.RequestBinding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A budget table inside a request that is still read by hand (an operational plan's budget block, an amendment's
 * annex): checked against the schemas' one {@code $defs/budgetTable} (the same in the three schemas that carry it,
 * see BudgetSchemaTest), bound and checked by {@link BudgetTableRules} exactly like a {@code budget-summary} table.
 */
public final class EmbeddedBudgetTable {
    private static final SchemaCheck TABLE_CONTRACT = tableContract();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The fields of a table, for the reader that holds it. */
    public static final String[] FIELDS = Arrays.stream(BudgetTableRequest.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toArray(String[]::new);

    private EmbeddedBudgetTable() {}

    /**
     * The table, or {@code null} with its faults in the owner's findings: those of the table's schema, each at its
     * place inside the table, or else those of its rules. The table's own schema speaks here because the whole
     * request's schema sees a plan block as one of several forms and, when none fits, can name only the block.
     */
    public static BudgetTable read(JsonObject table) {
        if (table == null) {
            return null;
        }
        List<InputError> refused = TABLE_CONTRACT.check(JSON.writeValueAsBytes(table.node()));
        if (!refused.isEmpty()) {
            String at = table.pointer();
            refused.forEach(error -> table.findings().error(at + error.pointer(), error.message()));
            return null;
        }
        BudgetTableRequest request =
                RequestBinding.bind(table.node(), table.pointer(), BudgetTableRequest.class, table.findings());
        return request == null ? null : BudgetTableRules.check(request, table.pointer(), table.findings());
    }

    /**
     * A table that its request's schema accepted (an operational plan's budget block, in a plan of its own or an
     * amendment's annex), bound and checked by {@link BudgetTableRules}; {@code null} with its faults in
     * {@code findings}, each at its place below {@code pointer}.
     */
    public static BudgetTable bind(JsonNode table, String pointer, InputFindings findings) {
        BudgetTableRequest request = RequestBinding.bind(table, pointer, BudgetTableRequest.class, findings);
        return request == null ? null : BudgetTableRules.check(request, pointer, findings);
    }

    /** {@code $defs/budgetTable} of the budget-summary schema as a schema of its own. */
    private static SchemaCheck tableContract() {
        try (InputStream in =
                EmbeddedBudgetTable.class.getClassLoader().getResourceAsStream("schemas/budget-summary.schema.json")) {
            ObjectNode summary = (ObjectNode)
                    JsonMapper.builder().build().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            ObjectNode table = summary.objectNode();
            table.put("$schema", summary.get("$schema").stringValue());
            table.set("$defs", summary.get("$defs"));
            table.put("$ref", "#/$defs/budgetTable");
            return new SchemaCheck(table.toString());
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("schemas/budget-summary.schema.json is missing", e));
        }
    }
}
