package io.sello.budget;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code budget-summary} request: one or more budget tables with their document header.
 *
 * @param subtitle     or {@code null}
 * @param issuer       or {@code null}
 * @param placeAndDate or {@code null}
 * @param figures      which figure a cell prints when the declared one differs by rounding alone
 */
public record BudgetSummary(String title, String subtitle, String issuer, String placeAndDate,
                            List<BudgetTable> tables, List<String> notes, PrintedFigures figures) {
    public BudgetSummary {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(figures, "figures");
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a budget summary has at least one table");
        }
        Set<String> ids = new HashSet<>();
        for (BudgetTable table : tables) {
            if (!ids.add(table.id())) {
                throw new IllegalArgumentException("table id " + table.id() + " appears twice");
            }
        }
    }

    /** The JSON pointer of table {@code i} in the request. */
    static String pointer(int i) {
        return "/tables/" + i;
    }
}
