package io.sello.budget;

import io.sello.document.TotalMismatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A budget table with every cell worked out: {@code figures.get(row).get(column)} follows the
 * table's rows and columns (hidden columns included; a heading's cells are blank).
 */
record ComputedBudget(BudgetTable table, List<List<Figure>> figures) {
    public ComputedBudget {
        figures = figures.stream().map(List::copyOf).toList();
        if (figures.size() != table.rows().size()) {
            throw new IllegalArgumentException("one list of figures per row");
        }
    }

    public Figure figure(int row, int column) {
        return figures.get(row).get(column);
    }

    /**
     * The computed amount as its column prints it. In per-cell rounding every amount already has the
     * column's decimals; in display rounding it is rounded here, half up like a spreadsheet's number format.
     */
    public BigDecimal shown(int row, int column) {
        return rounded(figure(row, column).amount(), table.columns().get(column).decimals());
    }

    static BigDecimal rounded(BigDecimal amount, int decimals) {
        return amount.scale() <= decimals ? amount : amount.setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Compares every declared figure with the computed one. */
    public List<TotalMismatch> reconcile(String tablePointer) {
        return Reconciliation.of(this, tablePointer);
    }
}
