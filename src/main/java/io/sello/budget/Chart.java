package io.sello.budget;

import java.util.List;
import java.util.Objects;

/** A bar chart under a table: one group of bars per item row, one bar per listed column. */
record Chart(String title, List<String> columns) {
    public Chart {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one column");
        }
    }
}
