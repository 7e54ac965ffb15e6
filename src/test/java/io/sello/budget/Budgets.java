package io.sello.budget;

import io.sello.document.TotalMismatch;
import io.sello.document.InputFindings;
import io.sello.input.JsonObject;
import io.sello.input.StrictJson;
import io.sello.support.Fixtures;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Small tables written as JSON, read by the real reader: what clients send is what is tested. */
final class Budgets {
    private Budgets() {
    }

    static BudgetTable table(String json) {
        InputFindings findings = new InputFindings();
        BudgetTable table = BudgetReader.read(JsonObject.root(StrictJson.parse(Fixtures.utf8(json)), findings, BudgetReader.FIELDS));
        assertThat(findings.errors()).as("reader errors").isEmpty();
        return table;
    }

    static List<String> errors(String json) {
        InputFindings findings = new InputFindings();
        BudgetReader.read(JsonObject.root(StrictJson.parse(Fixtures.utf8(json)), findings, BudgetReader.FIELDS));
        return findings.errors().stream().map(e -> e.pointer() + ": " + e.message()).toList();
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
