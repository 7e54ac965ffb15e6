package io.sello.budget;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one cell holds. Seed 003 prints amounts, {@code -} (nothing budgeted), {@code n.a.} (does
 * not apply: TULUM has no IGV or execution in the subproject summary) and blank cells.
 */
record BudgetCell(Kind kind, BigDecimal amount) {
    public static final BudgetCell BLANK = new BudgetCell(Kind.BLANK, BigDecimal.ZERO);
    public static final BudgetCell DASH = new BudgetCell(Kind.DASH, BigDecimal.ZERO);
    public static final BudgetCell NOT_APPLICABLE = new BudgetCell(Kind.NOT_APPLICABLE, BigDecimal.ZERO);

    public BudgetCell {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        if (kind != Kind.AMOUNT && amount.signum() != 0) {
            throw new IllegalArgumentException(kind + " cells carry no amount");
        }
    }

    public static BudgetCell of(BigDecimal amount) {
        return new BudgetCell(Kind.AMOUNT, amount);
    }

    public enum Kind {
        AMOUNT,
        /** Printed {@code -}; counts as zero. */
        DASH,
        /** Printed {@code n.a.}; left out of sums, and makes a formula or conversion {@code n.a.}. */
        NOT_APPLICABLE,
        /** Printed empty; counts as zero. */
        BLANK
    }
}
