package io.sello.budget;

import io.sello.document.InputFindings;
import io.sello.document.TotalMismatch;
import io.sello.support.Fixtures;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Small tables written as JSON, read by the real reader: what clients send is what is tested. */
final class Budgets {
    private Budgets() {}

    /** A table sent as the one table of a budget summary, through the schema, binding and the table's rules. */
    static BudgetTable table(String json) {
        return summary(Fixtures.utf8(wrapped(json))).tables().get(0);
    }

    /** The errors of a table sent as the one table of a budget summary, pointers relative to the table. */
    static List<String> errors(String json) {
        InputFindings findings = new InputFindings();
        type().readRequest(Fixtures.utf8(wrapped(json)), findings);
        return findings.errors().stream()
                .map(e -> (e.pointer().startsWith(TABLE) ? e.pointer().substring(TABLE.length()) : e.pointer()) + ": "
                        + e.message())
                .toList();
    }

    /** A budget-summary request read as the service reads it; it must have no errors. */
    static BudgetSummary summary(byte[] json) {
        InputFindings findings = new InputFindings();
        BudgetSummary summary = type().readRequest(json, findings);
        assertThat(findings.errors()).as("errors").isEmpty();
        return summary;
    }

    private static BudgetSummaryType type() {
        return (BudgetSummaryType) Fixtures.types().find("budget-summary").orElseThrow();
    }

    private static final String TABLE = "/tables/0";

    private static String wrapped(String table) {
        return "{\"title\": \"Presupuesto\", \"tables\": [" + table + "]}";
    }

    static ComputedBudget compute(String json) {
        return BudgetCalculator.compute(table(json));
    }

    static List<TotalMismatch> reconcile(String json) {
        return compute(json).reconcile("");
    }

    /** The figure in the row with {@code label} (or subtotal/total text) and the column {@code key}. */
    static Figure figure(ComputedBudget computed, String label, String key) {
        List<BudgetRow> rows = computed.table().rows();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).label().equals(label)) {
                return computed.figure(r, computed.table().columnIndex(key));
            }
        }
        throw new AssertionError("no row " + label);
    }

    static BigDecimal amount(ComputedBudget computed, String label, String key) {
        Figure figure = figure(computed, label, key);
        assertThat(figure.kind()).as(label + "/" + key).isEqualTo(BudgetCell.Kind.AMOUNT);
        return figure.amount();
    }
}
