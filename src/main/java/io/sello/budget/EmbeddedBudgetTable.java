package io.sello.budget;

import io.sello.document.InputFindings;
import io.sello.input.RequestBinding;
import tools.jackson.databind.JsonNode;

/**
 * A budget table inside a larger request (an operational plan's budget block, in a plan of its own or an amendment's
 * annex), bound and checked by {@link BudgetTableRules} exactly like a {@code budget-summary} table. The request's
 * schema carries the one {@code $defs/budgetTable} (the same in the three schemas that have it, see BudgetSchemaTest)
 * and has judged the table already.
 */
public final class EmbeddedBudgetTable {
    private EmbeddedBudgetTable() {}

    /**
     * A table that its request's schema accepted; {@code null} with its faults in {@code findings}, each at its place
     * below {@code pointer}.
     */
    public static BudgetTable bind(JsonNode table, String pointer, InputFindings findings) {
        BudgetTableRequest request = RequestBinding.bind(table, pointer, BudgetTableRequest.class, findings);
        return request == null ? null : BudgetTableRules.check(request, pointer, findings);
    }
}
