package io.sello.form;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One activity of the POA (columns 1–8) with its budget lines.
 *
 * @param operation    column (2); empty in seed 000 but part of the form
 * @param declaredTotal what the client says the TOTAL row is, or {@code null}
 */
record Activity(
        ActivityCode code,
        String operation,
        String specificActivity,
        LocalDate startDate,
        LocalDate endDate,
        Indicator indicator,
        List<BudgetLine> budgetLines,
        DeclaredTotal declaredTotal) {
    public Activity {
        Objects.requireNonNull(code, "code");
        operation = operation == null ? "" : operation;
        Objects.requireNonNull(specificActivity, "specificActivity");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("endDate must not be before startDate");
        }
        Objects.requireNonNull(indicator, "indicator");
        budgetLines = List.copyOf(budgetLines);
        Set<ExpenseGroup> seen = new HashSet<>();
        for (BudgetLine line : budgetLines) {
            if (!seen.add(line.expenseGroup())) {
                throw new IllegalArgumentException("expense group " + line.expenseGroup() + " appears twice");
            }
        }
    }
}
