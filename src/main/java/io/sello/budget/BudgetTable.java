package io.sello.budget;

import io.sello.format.NumberStyle;

import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A budget table as the client sends it: inputs, computed columns and the figures it declares.
 * Every computed column uses only columns to its left, so one pass computes the table.
 *
 * @param title         the caption, or {@code null}
 * @param roundedInputs the inputs are figures rounded to the decimals their column prints
 * @param rounding      whether computed cells are rounded before they are added, or only when printed
 * @param chart         a bar chart under the table, or {@code null}
 */
public record BudgetTable(
        String id,
        String title,
        String labelHeader,
        NumberStyle numberStyle,
        boolean roundedInputs,
        TableRounding rounding,
        List<BudgetColumn> columns,
        List<BudgetRow> rows,
        List<String> notes,
        Chart chart) {
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    public BudgetTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labelHeader, "labelHeader");
        Objects.requireNonNull(numberStyle, "numberStyle");
        Objects.requireNonNull(rounding, "rounding");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("table id " + id + " is not " + ID);
        }
        Set<String> seen = new HashSet<>();
        Map<String, BudgetColumn> byKey = new HashMap<>();
        columns.forEach(c -> byKey.put(c.key(), c));
        for (BudgetColumn column : columns) {
            for (String source : column.computation().sources()) {
                if (!seen.contains(source)) {
                    throw new IllegalArgumentException(
                            "column " + column.key() + " uses " + source + ", not a column to its left");
                }
            }
            if (rounding == TableRounding.DISPLAY
                    && column.computation() instanceof Computation.Conversion conversion
                    && conversion.rounding() != RoundingMode.HALF_UP) {
                // Display rounding is a spreadsheet's number format, which rounds half up and nothing else.
                throw new IllegalArgumentException("column " + column.key() + " rounds " + conversion.rounding()
                        + " but a table in display rounding prints half up");
            }
            if (!seen.add(column.key())) {
                throw new IllegalArgumentException("column " + column.key() + " appears twice");
            }
        }
        for (BudgetRow row : rows) {
            for (String key : row.values().keySet()) {
                if (byKey.get(key) == null || !byKey.get(key).isInput()) {
                    throw new IllegalArgumentException(
                            "row " + row.label() + " has a value for " + key + ", not an input column");
                }
            }
            for (String key : row.declared().keySet()) {
                BudgetColumn column = byKey.get(key);
                if (column == null) {
                    throw new IllegalArgumentException("no column " + key);
                }
                if (row.kind() == BudgetRow.Kind.ITEM && column.isInput()) {
                    throw new IllegalArgumentException("row " + row.label() + " declares input column " + key);
                }
            }
        }
        if (chart != null) {
            for (String key : chart.columns()) {
                if (!byKey.containsKey(key)) {
                    throw new IllegalArgumentException("chart uses no column " + key);
                }
            }
        }
    }

    public Optional<BudgetColumn> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public int columnIndex(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + key);
    }

    /** The name a reviewer knows the table by. */
    public String displayName() {
        return title != null ? title + " (" + id + ")" : id;
    }
}
