package io.sello.budget;

import java.util.List;

/**
 * A budget table with every cell worked out: {@code figures.get(row).get(column)} follows the
 * table's rows and columns (hidden columns included; a heading's cells are blank).
 */
public record ComputedBudget(BudgetTable table, List<List<Figure>> figures) {
    public ComputedBudget {
        figures = figures.stream().map(List::copyOf).toList();
        if (figures.size() != table.rows().size()) {
            throw new IllegalArgumentException("one list of figures per row");
        }
    }

    public Figure figure(int row, int column) {
        return figures.get(row).get(column);
    }

    /** Compares every declared figure with the computed one. */
    public List<io.sello.document.TotalMismatch> reconcile(String tablePointer) {
        return Reconciliation.of(this, tablePointer);
    }
}
