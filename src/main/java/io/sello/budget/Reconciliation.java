package io.sello.budget;

import io.sello.document.TotalMismatch;
import io.sello.input.JsonPointers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Compares every declared figure with the computed one and classifies each difference as
 * rounding or error. The tolerance is the computed cell's rounding bound plus half a unit for the
 * rounding of the declared figure itself, when the table's figures are rounded, plus half a unit when
 * the computed figure is rounded for printing (display rounding; docs/budget-tables.md). The computed
 * figure reported is the one the column prints.
 */
final class Reconciliation {
    private Reconciliation() {}

    static List<TotalMismatch> of(ComputedBudget computed, String tablePointer) {
        BudgetTable table = computed.table();
        List<TotalMismatch> mismatches = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            BudgetRow row = table.rows().get(r);
            for (Map.Entry<String, BigDecimal> declared : sorted(table, row)) {
                int c = table.columnIndex(declared.getKey());
                BudgetColumn column = table.columns().get(c);
                Figure figure = computed.figure(r, c);
                BigDecimal shown = computed.shown(r, c);
                if (declared.getValue().compareTo(shown) == 0) {
                    continue;
                }
                // A display-rounded figure is compared as printed, so its own rounding counts too.
                boolean roundedForPrint = shown.compareTo(figure.amount()) != 0;
                BigDecimal tolerance = figure.bound()
                        .add(table.roundedInputs() ? BudgetCalculator.halfUnit(column.decimals()) : BigDecimal.ZERO)
                        .add(roundedForPrint ? BudgetCalculator.halfUnit(column.decimals()) : BigDecimal.ZERO)
                        .stripTrailingZeros();
                mismatches.add(TotalMismatch.classified(
                        pointer(tablePointer, r, column.key()),
                        new TotalMismatch.Location(table.id(), rowName(row, r), columnName(column)),
                        declared.getValue(),
                        shown,
                        tolerance));
            }
        }
        return mismatches;
    }

    /** The JSON pointer of the figure row {@code r} declares for column {@code key}. */
    static String pointer(String tablePointer, int r, String key) {
        return JsonPointers.child(
                JsonPointers.child(JsonPointers.child(JsonPointers.child(tablePointer, "rows"), r), "declared"), key);
    }

    /** Declared figures in column order, so the report reads left to right like the table. */
    private static List<Map.Entry<String, BigDecimal>> sorted(BudgetTable table, BudgetRow row) {
        return row.declared().entrySet().stream()
                .sorted(Comparator.comparingInt(e -> table.columnIndex(e.getKey())))
                .toList();
    }

    static String rowName(BudgetRow row, int index) {
        return row.label().isBlank() ? "row " + (index + 1) + " (no label)" : row.label();
    }

    static String columnName(BudgetColumn column) {
        return column.group() == null ? column.header() : column.group() + " / " + column.header();
    }
}
