package io.sello.form;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The form with every total computed: each activity's TOTAL, TOTAL PARCIAL (per source) and
 * TOTAL GENERAL (sources merged). Nothing here is taken from the client's declared figures.
 */
record ComputedForm(
        PoaExecutionForm form,
        List<ComputedActivity> activities,
        SourceAmounts partialProgrammed,
        SourceAmounts partialExecuted) {

    public static ComputedForm of(PoaExecutionForm form) {
        List<ComputedActivity> activities =
                form.activities().stream().map(ComputedActivity::of).toList();
        SourceAmounts programmed = SourceAmounts.ZERO;
        SourceAmounts executed = SourceAmounts.ZERO;
        for (ComputedActivity activity : activities) {
            programmed = programmed.plus(activity.programmed());
            executed = executed.plus(activity.executed());
        }
        return new ComputedForm(form, activities, programmed, executed);
    }

    public BigDecimal generalProgrammed() {
        return partialProgrammed.total();
    }

    public BigDecimal generalExecuted() {
        return partialExecuted.total();
    }

    public Optional<BigDecimal> executionPercent() {
        return ExecutionPercent.of(generalProgrammed(), generalExecuted());
    }
}
