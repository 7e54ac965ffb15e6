package io.sello.rendering;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * Engine-neutral input of a render: named values for the page furniture and one map per row.
 * A row value that is itself a list of maps feeds a nested table (a subreport in JasperReports).
 * All values are plain Java: strings, numbers, booleans, lists and maps, so a feature never needs
 * an engine class to describe its document.
 *
 * @param title the PDF's document title (metadata)
 */
public record RenderRequest(TemplateId template, String title, Map<String, Object> parameters,
                            List<Map<String, Object>> rows) {
    public RenderRequest {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(title, "title");
        parameters = Map.copyOf(parameters);
        rows = rows instanceof RowsOnDemand ? rows : List.copyOf(rows);
    }

    /**
     * Rows that are made when the engine reads them, one at a time, and forgotten after: a 1,000-page
     * form's formatted rows take about 23 MB when they are all made up front (docs/benchmarks.md), which
     * a render in a 128 MB heap cannot spare. {@code row} must give equal rows for the same index every
     * time it is asked, and its source must not change while the request lives.
     */
    public static List<Map<String, Object>> rowsOnDemand(int size, IntFunction<Map<String, Object>> row) {
        return new RowsOnDemand(size, row);
    }

    /** Read-only by construction (AbstractList refuses every change), so the request needs no copy. */
    private static final class RowsOnDemand extends AbstractList<Map<String, Object>> implements RandomAccess {
        private final int size;
        private final IntFunction<Map<String, Object>> row;

        RowsOnDemand(int size, IntFunction<Map<String, Object>> row) {
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative");
            }
            this.size = size;
            this.row = Objects.requireNonNull(row, "row");
        }

        @Override
        public Map<String, Object> get(int index) {
            Objects.checkIndex(index, size);
            return row.apply(index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
