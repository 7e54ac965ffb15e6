package io.sello.budget;

import io.sello.document.TotalMismatch;
import io.sello.format.NumberStyle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a computed budget table into the plain values of the shared FreeMarker macro
 * ({@code report-templates/budget/budget-table.ftl}): every figure already formatted in the
 * table's number style, so templates never do arithmetic or formatting.
 */
public final class BudgetLayout {
    /** Print-friendly bar colours, distinguishable in greyscale too. */
    private static final List<String> PALETTE =
            List.of("#1f4e79", "#7f9fbf", "#c55a11", "#f4b183", "#548235", "#a9d18e");

    private static final int LABEL_MAX = 80;
    /** Printed once under a table whose printed figures may not add up (issue 13, point 1). */
    public static final String ROUNDING_NOTE = "Las cifras pueden no sumar exactamente debido al redondeo.";

    /** The text width of an A4 portrait page with 18 mm margins: operational-plan, and the amendment's annex. */
    public static final double PORTRAIT_WIDTH = (210 - 2 * 18) * 72 / 25.4;
    /** The text width of an A4 landscape page with 14 mm margins: budget-summary. */
    public static final double LANDSCAPE_WIDTH = (297 - 2 * 14) * 72 / 25.4;

    private BudgetLayout() {}

    /**
     * @param errors the mismatches classified as errors that were accepted in lenient mode: each is
     *               printed in a discrepancy note under the table
     */
    public static Map<String, Object> table(PrintedBudget printed, List<TotalMismatch> errors) {
        return table(printed, errors, PORTRAIT_WIDTH);
    }

    /**
     * @param width the width in points the table is printed across ({@link #PORTRAIT_WIDTH},
     *              {@link #LANDSCAPE_WIDTH}): amount columns whose figures do not fit it at the normal
     *              size get a smaller font ({@link AmountFit})
     */
    public static Map<String, Object> table(PrintedBudget printed, List<TotalMismatch> errors, double width) {
        ComputedBudget computed = printed.computed();
        BudgetTable table = computed.table();
        List<BudgetColumn> visible =
                table.columns().stream().filter(c -> !c.hidden()).toList();
        Map<String, Object> laid = new HashMap<>();
        laid.put("id", table.id());
        laid.put("title", table.title() == null ? "" : table.title());
        laid.put("headerRows", header(table, visible));
        laid.put("widths", widths(visible.size()));
        laid.put("rows", rows(printed, visible));
        laid.put("notes", table.notes());
        laid.put("roundingNote", printed.mayNotAddUp() ? ROUNDING_NOTE : "");
        laid.put(
                "discrepancies",
                errors.stream()
                        .map(e -> discrepancy(table.numberStyle(), e, decimals(table, e)))
                        .toList());
        laid.put("chart", table.chart() == null ? Map.of() : chart(printed));
        AmountFit.fit(laid, visible, width);
        return laid;
    }

    /**
     * Refuses with 422 ({@code UnprintableFigureException}) a laid-out table holding a figure too wide for
     * its column even at the smallest font, naming each such cell under {@code tablePointer}.
     */
    public static void requirePrintable(String tablePointer, Map<String, Object> laid) {
        AmountFit.requirePrintable(tablePointer, laid);
    }

    /** How a figure prints: the number style's grouping, negatives in parentheses, {@code -}, {@code n.a.}. */
    public static String text(NumberStyle style, Figure figure, int decimals) {
        return text(style, figure.cell(), decimals);
    }

    /**
     * How a cell prints. An amount with more decimals than the column (display rounding) is rounded
     * half up by the format, which keeps its sign: {@code -0.3} prints {@code (0)}, as in a spreadsheet.
     */
    public static String text(NumberStyle style, BudgetCell cell, int decimals) {
        return switch (cell.kind()) {
            case AMOUNT -> style.accounting(cell.amount(), decimals);
            case DASH -> "-";
            case NOT_APPLICABLE -> "n.a.";
            case BLANK -> "";
        };
    }

    private static List<List<Map<String, Object>>> header(BudgetTable table, List<BudgetColumn> visible) {
        boolean grouped = visible.stream().anyMatch(c -> c.group() != null);
        List<Map<String, Object>> top = new ArrayList<>();
        List<Map<String, Object>> bottom = new ArrayList<>();
        top.add(headerCell(table.labelHeader(), 1, grouped ? 2 : 1, "label"));
        for (int i = 0; i < visible.size(); i++) {
            BudgetColumn column = visible.get(i);
            if (column.group() == null) {
                top.add(headerCell(column.header(), 1, grouped ? 2 : 1, "amount"));
                continue;
            }
            int span = 1;
            while (i + span < visible.size()
                    && column.group().equals(visible.get(i + span).group())) {
                span++;
            }
            top.add(headerCell(column.group(), span, 1, "group"));
            for (int j = i; j < i + span; j++) {
                bottom.add(headerCell(visible.get(j).header(), 1, 1, "amount"));
            }
            i += span - 1;
        }
        return bottom.isEmpty() ? List.of(top) : List.of(top, bottom);
    }

    private static Map<String, Object> headerCell(String text, int colspan, int rowspan, String css) {
        return Map.of("text", text, "colspan", colspan, "rowspan", rowspan, "css", css);
    }

    /** The label column takes what the amounts leave, never less than a quarter of the width. */
    private static List<String> widths(int amounts) {
        BigDecimal label = BigDecimal.valueOf(Math.max(25, 100 - 11 * amounts));
        BigDecimal each =
                BigDecimal.valueOf(100).subtract(label).divide(BigDecimal.valueOf(amounts), 2, RoundingMode.DOWN);
        List<String> widths = new ArrayList<>();
        widths.add(label.toPlainString() + "%");
        for (int i = 0; i < amounts; i++) {
            widths.add(each.toPlainString() + "%");
        }
        return widths;
    }

    private static List<Map<String, Object>> rows(PrintedBudget printed, List<BudgetColumn> visible) {
        BudgetTable table = printed.table();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            BudgetRow row = table.rows().get(r);
            List<String> cells = new ArrayList<>();
            if (row.kind() != BudgetRow.Kind.HEADING) {
                for (BudgetColumn column : visible) {
                    cells.add(printed.text(r, table.columnIndex(column.key())));
                }
            }
            rows.add(Map.of(
                    "kind",
                    row.kind().name().toLowerCase(Locale.ROOT),
                    "label",
                    row.label(),
                    "level",
                    row.level(),
                    "italic",
                    row.italic(),
                    "cells",
                    cells,
                    "span",
                    visible.size() + 1));
        }
        return rows;
    }

    private static int decimals(BudgetTable table, TotalMismatch mismatch) {
        String pointer = mismatch.pointer();
        String key = pointer.substring(pointer.lastIndexOf('/') + 1);
        return table.column(key).map(BudgetColumn::decimals).orElse(2);
    }

    /** The note printed under a table when a render was asked to go ahead despite errors. */
    static String discrepancy(NumberStyle style, TotalMismatch error, int decimals) {
        TotalMismatch.Location at = error.location();
        return "«" + at.row() + "», " + at.column() + ": cifra declarada "
                + style.accounting(error.declared(), decimals)
                + ", cifra calculada " + style.accounting(error.computed(), decimals)
                + " (diferencia " + style.accounting(error.difference(), decimals) + ").";
    }

    private static Map<String, Object> chart(PrintedBudget printed) {
        ComputedBudget computed = printed.computed();
        BudgetTable table = computed.table();
        Chart chart = table.chart();
        List<Integer> columns = chart.columns().stream().map(table::columnIndex).toList();
        BigDecimal max = BigDecimal.ZERO;
        for (int r = 0; r < table.rows().size(); r++) {
            if (table.rows().get(r).kind() == BudgetRow.Kind.ITEM) {
                for (int c : columns) {
                    max = max.max(computed.figure(r, c).amount().abs());
                }
            }
        }
        List<Map<String, Object>> legend = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            legend.add(Map.of(
                    "label", table.columns().get(columns.get(i)).header(), "color", PALETTE.get(i % PALETTE.size())));
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            BudgetRow row = table.rows().get(r);
            int at = r;
            if (row.kind() != BudgetRow.Kind.ITEM
                    || columns.stream().noneMatch(c -> computed.figure(at, c).isAmount())) {
                continue;
            }
            List<Map<String, Object>> bars = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Figure figure = computed.figure(r, columns.get(i));
                BigDecimal share = max.signum() == 0
                        ? BigDecimal.ZERO
                        : figure.amount()
                                .abs()
                                .multiply(BigDecimal.valueOf(100))
                                .divide(max, 1, RoundingMode.HALF_UP);
                bars.add(Map.of(
                        "width",
                        share.toPlainString() + "%",
                        "color",
                        PALETTE.get(i % PALETTE.size()),
                        "value",
                        printed.text(r, columns.get(i)),
                        "negative",
                        figure.amount().signum() < 0));
            }
            String label = row.label().isBlank() ? Reconciliation.rowName(row, r) : row.label();
            groups.add(Map.of(
                    "label", label.length() > LABEL_MAX ? label.substring(0, LABEL_MAX) + "…" : label, "bars", bars));
        }
        Map<String, Object> laid = new LinkedHashMap<>();
        laid.put("title", chart.title());
        laid.put("legend", legend);
        laid.put("groups", groups);
        return laid;
    }
}
