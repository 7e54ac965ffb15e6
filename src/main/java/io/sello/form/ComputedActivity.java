package io.sello.form;

import java.math.BigDecimal;
import java.util.Optional;

/** An activity with its TOTAL row and column (13) worked out by the service. */
record ComputedActivity(Activity activity, SourceAmounts programmed, SourceAmounts executed) {

    static ComputedActivity of(Activity activity) {
        SourceAmounts programmed = SourceAmounts.ZERO;
        SourceAmounts executed = SourceAmounts.ZERO;
        for (BudgetLine line : activity.budgetLines()) {
            programmed = programmed.plus(line.programmed());
            executed = executed.plus(line.executed());
        }
        return new ComputedActivity(activity, programmed, executed);
    }

    public Optional<BigDecimal> executionPercent() {
        return ExecutionPercent.of(programmed.total(), executed.total());
    }
}
