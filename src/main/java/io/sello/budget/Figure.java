package io.sello.budget;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A computed cell and how far rounding alone may have moved it from the exact figure.
 *
 * @param bound the rounding bound: half a unit per rounded input, scaled through conversions,
 *              plus half a unit per rounding the computation itself made (docs/budget-tables.md)
 */
record Figure(BudgetCell cell, BigDecimal bound) {
    static final Figure BLANK = new Figure(BudgetCell.BLANK, BigDecimal.ZERO);

    public Figure {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(bound, "bound");
    }

    public BudgetCell.Kind kind() {
        return cell.kind();
    }

    public BigDecimal amount() {
        return cell.amount();
    }

    boolean isAmount() {
        return cell.kind() == BudgetCell.Kind.AMOUNT;
    }
}
