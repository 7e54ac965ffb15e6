package io.sello.budget;

import io.sello.document.TotalMismatch;
import io.sello.document.TotalsMismatchException;
import io.sello.document.Warning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The budget tables of one request, computed and reconciled, keyed by the JSON pointer of each
 * table. Every document type that prints budget tables goes through here, so the rule "errors
 * refuse the render unless lenient; rounding never does" holds everywhere.
 */
public final class ReconciledBudgets {
    private final Map<String, ComputedBudget> computed = new LinkedHashMap<>();
    private final List<TotalMismatch> mismatches = new ArrayList<>();

    private ReconciledBudgets() {
    }

    /** @param tables by the JSON pointer of each table in the request */
    public static ReconciledBudgets of(Map<String, BudgetTable> tables) {
        ReconciledBudgets budgets = new ReconciledBudgets();
        tables.forEach((pointer, table) -> {
            ComputedBudget result = BudgetCalculator.compute(table);
            budgets.computed.put(pointer, result);
            budgets.mismatches.addAll(result.reconcile(pointer));
        });
        return budgets;
    }

    /** Every difference, rounding and error, in table order. */
    public List<TotalMismatch> mismatches() {
        return List.copyOf(mismatches);
    }

    public ComputedBudget computed(String pointer) {
        ComputedBudget table = computed.get(pointer);
        if (table == null) {
            throw new IllegalArgumentException("no budget table at " + pointer);
        }
        return table;
    }

    /** Every table by the JSON pointer of its request object, in request order. */
    public Map<String, ComputedBudget> byPointer() {
        return java.util.Collections.unmodifiableMap(computed);
    }

    /** The errors of the table at {@code pointer}: what its discrepancy note lists in lenient mode. */
    public List<TotalMismatch> errorsIn(String pointer) {
        return mismatches.stream().filter(m -> m.isError() && m.pointer().startsWith(pointer + "/")).toList();
    }

    /**
     * Refuses the render when a declared figure is wrong beyond rounding, unless {@code lenient};
     * in lenient mode each error becomes a {@code total-mismatch} warning.
     */
    public void enforce(boolean lenient, List<Warning> warnings) {
        List<TotalMismatch> errors = mismatches.stream().filter(TotalMismatch::isError).toList();
        if (errors.isEmpty()) {
            return;
        }
        if (!lenient) {
            throw new TotalsMismatchException(errors, warnings);
        }
        for (TotalMismatch error : errors) {
            warnings.add(new Warning(error.pointer(), "total-mismatch",
                    error.describe() + "; the computed figure was printed with a discrepancy note"));
        }
    }
}
