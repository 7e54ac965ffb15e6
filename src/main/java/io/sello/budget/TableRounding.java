package io.sello.budget;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * When the converted and computed columns of a table are rounded (docs/budget-tables.md, "Rounding").
 * Seed 003's tables were made in spreadsheets: the tourism budget in US$ prints a total of 145,571
 * where its printed cells add up to 145,568, because the sheet added unrounded conversions and only
 * rounded them for display.
 */
enum TableRounding {
    /** Each computed cell is rounded to its column's decimals before it is added: a pencil check adds up. */
    PER_CELL("per-cell"),
    /** Cells keep full precision and round only when printed; totals add the unrounded values, as a spreadsheet does. */
    DISPLAY("display");

    private final String wire;

    TableRounding(String wire) {
        this.wire = wire;
    }

    /** The name clients write in {@code "rounding"}. */
    /** The word clients write, which binding reads too. */
    @JsonValue
    public String wire() {
        return wire;
    }
}
