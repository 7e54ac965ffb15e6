package io.sello.form;

import java.util.Objects;

/** One expense group of an activity: what was programmed and what was executed, per source. */
record BudgetLine(ExpenseGroup expenseGroup, SourceAmounts programmed, SourceAmounts executed) {
    public BudgetLine {
        Objects.requireNonNull(expenseGroup, "expenseGroup");
        Objects.requireNonNull(programmed, "programmed");
        Objects.requireNonNull(executed, "executed");
    }
}
