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
 * @param title  the PDF's document title (metadata)
 * @param source the request's JSON as the registry keeps it, embedded in the PDF as its source data
 *               ({@link SourceAttachment}); {@code null} for a request that has none (a part of a larger document)
 */
public record RenderRequest(
        TemplateId template,
        String title,
        Map<String, Object> parameters,
        List<Map<String, Object>> rows,
        byte[] source) {
    public RenderRequest {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(title, "title");
        parameters = Map.copyOf(parameters);
        rows = rows instanceof RowsOnDemand ? rows : List.copyOf(rows);
        source = source == null ? null : source.clone();
    }

    public RenderRequest(
            TemplateId template, String title, Map<String, Object> parameters, List<Map<String, Object>> rows) {
        this(template, title, parameters, rows, null);
    }

    /** This request carrying the JSON it was made from, {@link SourceAttachment#canonical canonical} UTF-8. */
    public RenderRequest withSource(byte[] json) {
        return new RenderRequest(template, title, parameters, rows, SourceAttachment.canonical(json));
    }

    @Override
    public byte[] source() {
        return source == null ? null : source.clone();
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
