package io.sello.budget;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One printed row of a budget table.
 *
 * @param values   the input cells of an item, by column key (absent: blank)
 * @param declared the figures the client declares for computed cells, by column key
 */
record BudgetRow(
        Kind kind,
        String label,
        int level,
        boolean italic,
        Map<String, BudgetCell> values,
        Map<String, BigDecimal> declared) {
    public static final int MAX_LEVEL = 3;

    public BudgetRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        values = Map.copyOf(values);
        declared = Map.copyOf(declared);
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("level must be 0 to " + MAX_LEVEL);
        }
        if (kind != Kind.ITEM && !values.isEmpty()) {
            throw new IllegalArgumentException("only items carry input values");
        }
        if (kind == Kind.HEADING && !declared.isEmpty()) {
            throw new IllegalArgumentException("a heading has no figures to declare");
        }
    }

    public enum Kind {
        /** A line item: the client's inputs. */
        ITEM,
        /** A row adding up the deeper rows below it (Cuadro 3: "1. Honorarios" over Dirección, Asistente…). */
        GROUP,
        /** A label alone; starts a section. */
        HEADING,
        /** The items since the previous heading or subtotal. */
        SUBTOTAL,
        /** Every item of the table. */
        TOTAL
    }
}
