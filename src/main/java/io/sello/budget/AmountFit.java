package io.sello.budget;

import io.sello.document.InputError;
import io.sello.document.UnprintableFigureException;
import io.sello.input.JsonPointers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes every figure of a budget table fit its column (issue 13: no amount is ever cut off).
 *
 * <p>Budget tables have a fixed layout ({@code table-layout: fixed} in budget-table.css): their columns
 * share the page width by the percentages {@link BudgetLayout} gives them, whatever the figures, and a
 * figure never wraps. How wide a column is therefore depends on how many columns the table has and on
 * the page (A4 portrait for the Plan Operativo, landscape for budget-summary), so no single maximum in the
 * contract can promise a fit: a 15-digit figure fits a four-column summary, not a ten-column annex table.
 * Instead each amount column gets the largest font size, from the normal 7.5 pt down to 5 pt (the smallest
 * we accept as legible), at which every figure it prints fits; a column whose figure does not fit even at
 * 5 pt makes the document unprintable, refused with 422 naming the cell ({@link #requirePrintable}).
 *
 * <p>Widths are measured with the advance widths of the bundled DejaVu Sans Condensed (regular and bold,
 * in 1/1000 em) for the characters a figure is made of; a figure never holds anything else.
 */
final class AmountFit {
    /** Font sizes a column may take, largest first; 7.5 pt is the table's own (budget-table.css). */
    private static final double[] SIZES = {7.5, 7, 6.5, 6, 5.5, 5};
    /** Cell padding (3 pt each side), the half-point border and half a point of safety. */
    private static final double CELL_INSET = 3 + 3 + 0.5 + 0.5;

    private static final String CHARACTERS = "0123456789,.'()-na ";
    private static final int[] REGULAR = {
        572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 286, 286, 247, 351, 351, 325, 570, 551, 286
    };
    private static final int[] BOLD = {
        626, 626, 626, 626, 626, 626, 626, 626, 626, 626, 342, 342, 275, 411, 411, 374, 641, 607, 313
    };
    /** Any other character: as wide as the widest glyph measured, so an unexpected one is never under-measured. */
    private static final int OTHER = 1000;

    private AmountFit() {}

    /**
     * Adds to a laid-out table {@code amountCss}, the class of each amount column (empty at the normal size,
     * {@code " fit-55"} for 5.5 pt …), and {@code unprintable}, the cells that do not fit even at 5 pt.
     */
    @SuppressWarnings("unchecked")
    static void fit(Map<String, Object> laid, List<BudgetColumn> visible, double tableWidth) {
        List<String> widths = (List<String>) laid.get("widths");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) laid.get("rows");
        List<String> css = new ArrayList<>();
        List<Map<String, Object>> unprintable = new ArrayList<>();
        for (int c = 0; c < visible.size(); c++) {
            double room = tableWidth * percent(widths.get(c + 1)) / 100 - CELL_INSET;
            double size = SIZES[0];
            for (double candidate : SIZES) {
                size = candidate;
                if (fits(rows, c, candidate, room)) {
                    break;
                }
            }
            css.add(size == SIZES[0] ? "" : " fit-" + Math.round(size * 10));
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = (List<String>) rows.get(r).get("cells");
                if (!cells.isEmpty() && width(cells.get(c), bold(rows.get(r)), size) > room) {
                    unprintable.add(Map.of(
                            "row",
                            r,
                            "column",
                            visible.get(c),
                            "text",
                            cells.get(c),
                            "room",
                            room,
                            "needed",
                            width(cells.get(c), bold(rows.get(r)), size)));
                }
            }
        }
        laid.put("amountCss", css);
        laid.put("unprintable", unprintable);
        Object chart = laid.get("chart");
        if (chart instanceof Map<?, ?> map && !map.isEmpty()) {
            int value = chartValueWidth((Map<String, Object>) map, tableWidth);
            ((Map<String, Object>) map).put("valueWidth", value + "%");
            ((Map<String, Object>) map).put("barWidth", (100 - value) + "%");
        }
    }

    /**
     * Refuses a table that {@link #fit} found a figure too wide for, naming each such cell by its pointer:
     * an input figure where the client sent it, a computed one where the client would declare it.
     */
    @SuppressWarnings("unchecked")
    static void requirePrintable(String tablePointer, Map<String, Object> laid) {
        List<Map<String, Object>> unprintable = (List<Map<String, Object>>) laid.get("unprintable");
        if (unprintable == null || unprintable.isEmpty()) {
            return;
        }
        List<InputError> errors = new ArrayList<>();
        for (Map<String, Object> cell : unprintable) {
            int row = (Integer) cell.get("row");
            BudgetColumn column = (BudgetColumn) cell.get("column");
            List<Map<String, Object>> rows = (List<Map<String, Object>>) laid.get("rows");
            String field = column.isInput() && "item".equals(rows.get(row).get("kind")) ? "values" : "declared";
            String pointer = JsonPointers.child(
                    JsonPointers.child(JsonPointers.child(JsonPointers.child(tablePointer, "rows"), row), field),
                    column.key());
            errors.add(new InputError(
                    pointer,
                    String.format(
                            Locale.ROOT,
                            "%s prints as \"%s\", %.1f pt wide at 5 pt, the smallest legible size, but column \"%s\" of this"
                                    + " table has %.1f pt: it cannot be printed in full. Use fewer columns or smaller units.",
                            field.equals("values") ? "the figure" : "the computed figure",
                            cell.get("text"),
                            (Double) cell.get("needed"),
                            column.header(),
                            (Double) cell.get("room"))));
        }
        throw new UnprintableFigureException(errors);
    }

    private static boolean fits(List<Map<String, Object>> rows, int column, double size, double room) {
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            List<String> cells = (List<String>) row.get("cells");
            if (!cells.isEmpty() && width(cells.get(column), bold(row), size) > room) {
                return false;
            }
        }
        return true;
    }

    /** Group, subtotal and total rows print bold (budget-table.css). */
    private static boolean bold(Map<String, Object> row) {
        return !"item".equals(row.get("kind"));
    }

    /** The printed width of {@code text} in points. */
    static double width(String text, boolean bold, double size) {
        int[] advances = bold ? BOLD : REGULAR;
        long units = 0;
        for (int i = 0; i < text.length(); i++) {
            int at = CHARACTERS.indexOf(text.charAt(i));
            units += at < 0 ? OTHER : advances[at];
        }
        return units * size / 1000;
    }

    private static double percent(String width) {
        return Double.parseDouble(width.substring(0, width.length() - 1));
    }

    /**
     * The share of the chart's bar area (70 % of the table) its value column takes: the bars keep 80 %
     * unless the widest value (7 pt, budget-table.css) needs more, so a value is never cut off either.
     */
    @SuppressWarnings("unchecked")
    private static int chartValueWidth(Map<String, Object> chart, double tableWidth) {
        double widest = 0;
        for (Map<String, Object> group : (List<Map<String, Object>>) chart.get("groups")) {
            for (Map<String, Object> bar : (List<Map<String, Object>>) group.get("bars")) {
                widest = Math.max(widest, width((String) bar.get("value"), false, 7));
            }
        }
        double area = tableWidth * 0.7;
        BigDecimal share = BigDecimal.valueOf((widest + 2 + 2 + 1) / area * 100).setScale(0, RoundingMode.CEILING);
        return share.max(BigDecimal.valueOf(20)).intValueExact();
    }
}
