package io.sello.form;

import io.sello.document.TotalMismatch;
import io.sello.input.JsonPointers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares every figure the client declared with the computed one. Amounts are exact to the
 * centavo: Formulario N.5.B has no currency conversion, so there is no rounding to forgive.
 */
final class DeclaredTotalsCheck {
    private final List<TotalMismatch> mismatches = new ArrayList<>();

    static List<TotalMismatch> check(ComputedForm computed) {
        DeclaredTotalsCheck check = new DeclaredTotalsCheck();
        for (int i = 0; i < computed.activities().size(); i++) {
            ComputedActivity activity = computed.activities().get(i);
            String pointer = JsonPointers.child(JsonPointers.child("/activities", i), "declaredTotal");
            check.total(
                    pointer,
                    activity.activity().declaredTotal(),
                    activity.programmed(),
                    activity.executed(),
                    activity.executionPercent());
        }
        PoaExecutionForm form = computed.form();
        check.total(
                "/declaredTotals/partial",
                form.declaredPartialTotal(),
                computed.partialProgrammed(),
                computed.partialExecuted(),
                computed.executionPercent());
        DeclaredGrandTotal general = form.declaredGrandTotal();
        if (general != null) {
            check.compare("/declaredTotals/general/programmed", general.programmed(), computed.generalProgrammed());
            check.compare("/declaredTotals/general/executed", general.executed(), computed.generalExecuted());
            check.percent(
                    "/declaredTotals/general/executionPercent",
                    general.executionPercent(),
                    computed.executionPercent());
        }
        return List.copyOf(check.mismatches);
    }

    private void total(
            String pointer,
            DeclaredTotal declared,
            SourceAmounts programmed,
            SourceAmounts executed,
            Optional<BigDecimal> percent) {
        if (declared == null) {
            return;
        }
        split(pointer + "/programmed", declared.programmed(), programmed);
        split(pointer + "/executed", declared.executed(), executed);
        percent(pointer + "/executionPercent", declared.executionPercent(), percent);
    }

    private void split(String pointer, DeclaredSplit declared, SourceAmounts computed) {
        if (declared != null) {
            compare(pointer + "/tgn", declared.tgn(), computed.tgn());
            compare(pointer + "/otherSources", declared.otherSources(), computed.otherSources());
        }
    }

    private void percent(String pointer, BigDecimal declared, Optional<BigDecimal> computed) {
        // A percentage declared where none can be computed (executed against nothing) is compared with 0.
        compare(pointer, declared, computed.orElse(BigDecimal.ZERO.setScale(2)));
    }

    private void compare(String pointer, BigDecimal declared, BigDecimal computed) {
        if (declared != null && declared.compareTo(computed) != 0) {
            mismatches.add(TotalMismatch.exact(pointer, declared, computed));
        }
    }
}
