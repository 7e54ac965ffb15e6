package io.sello.budget;

import io.sello.document.ComputedFigure;
import io.sello.document.TotalMismatch;
import io.sello.document.Warning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The budget tables of one request, computed and reconciled, keyed by the JSON pointer of each
 * table. Every document type that prints budget tables goes through here, so the rules "errors
 * refuse the render unless lenient; rounding never does" and "a rounding difference prints the
 * declared figure unless the request says {@code "figures": "computed"}" hold everywhere.
 */
public final class ReconciledBudgets {
    /** A document without budget tables (an amendment without its annex): nothing differs, nothing is noted. */
    public static final ReconciledBudgets NONE = new ReconciledBudgets(PrintedFigures.DECLARED_WITHIN_ROUNDING);

    private final Map<String, ComputedBudget> computed = new LinkedHashMap<>();
    private final Map<String, PrintedBudget> printed = new LinkedHashMap<>();
    private final List<TotalMismatch> mismatches = new ArrayList<>();
    private final PrintedFigures figures;

    private ReconciledBudgets(PrintedFigures figures) {
        this.figures = Objects.requireNonNull(figures, "figures");
    }

    /**
     * @param tables  by the JSON pointer of each table in the request
     * @param figures the request's {@code "figures"}
     */
    public static ReconciledBudgets of(Map<String, BudgetTable> tables, PrintedFigures figures) {
        ReconciledBudgets budgets = new ReconciledBudgets(figures);
        tables.forEach((pointer, table) -> {
            ComputedBudget result = BudgetCalculator.compute(table);
            List<TotalMismatch> found = result.reconcile(pointer);
            budgets.computed.put(pointer, result);
            budgets.printed.put(pointer, PrintedBudget.of(result, pointer, found, figures));
            budgets.mismatches.addAll(found);
        });
        return budgets;
    }

    public PrintedFigures figures() {
        return figures;
    }

    /** Every difference, rounding and error, in table order. */
    public List<TotalMismatch> mismatches() {
        return List.copyOf(mismatches);
    }

    /** Every computed figure the tables print, table by table in request order ({@link PrintedBudget#figures}). */
    public List<ComputedFigure> computedFigures() {
        List<ComputedFigure> all = new ArrayList<>();
        printed.forEach((pointer, table) -> all.addAll(table.figures(pointer)));
        return all;
    }

    public ComputedBudget computed(String pointer) {
        ComputedBudget table = computed.get(pointer);
        if (table == null) {
            throw new IllegalArgumentException("no budget table at " + pointer);
        }
        return table;
    }

    /** What the table at {@code pointer} prints. */
    public PrintedBudget printed(String pointer) {
        computed(pointer);
        return printed.get(pointer);
    }

    /** Every table by the JSON pointer of its request object, in request order. */
    public Map<String, ComputedBudget> byPointer() {
        return Collections.unmodifiableMap(computed);
    }

    /** The errors of the table at {@code pointer}: what its discrepancy note lists in lenient mode. */
    public List<TotalMismatch> errorsIn(String pointer) {
        return mismatches.stream()
                .filter(m -> m.isError() && m.pointer().startsWith(pointer + "/"))
                .toList();
    }

    /** A lenient render prints the computed figure where a declared one is wrong, and the table notes the difference. */
    public static final String PRINTED_INSTEAD_OF_DECLARED = "the computed figure was printed with a discrepancy note";

    /**
     * Each rounding difference whose declared figure is printed, as a {@code rounding-declared-printed} warning with
     * both figures, so the response (and the audit's warning count) still says where the printout and the arithmetic
     * part. Errors beyond rounding are the pipeline's leniency rule (DocumentPipeline), not a note.
     */
    public List<Warning> roundingNotes() {
        List<Warning> warnings = new ArrayList<>();
        for (PrintedBudget table : printed.values()) {
            int columns = table.table().columns().size();
            for (int r = 0; r < table.table().rows().size(); r++) {
                for (int c = 0; c < columns; c++) {
                    TotalMismatch rounding = table.declaredDifference(r, c);
                    if (rounding != null) {
                        warnings.add(new Warning(
                                rounding.pointer(),
                                "rounding-declared-printed",
                                rounding.describe() + "; the declared figure was printed"));
                    }
                }
            }
        }
        return warnings;
    }
}
