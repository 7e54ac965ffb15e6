package io.sello.budget;

import io.sello.document.TotalMismatch;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The budget tables as RFC 4180 CSV, one line per cell, for systems rather than people: plain
 * decimal numbers ({@code -23940}, {@code 58814.13}), never the printed grouping. Hidden columns
 * are included; they are data too. Text that a spreadsheet would run as a formula is neutralised.
 * {@code value} is always the computed figure (rounded to the column's decimals in display rounding);
 * {@code printed}, the last field, is the figure the PDF prints: the declared one where it differs
 * by rounding alone and the request kept {@code "figures": "declared-within-rounding"}.
 */
final class BudgetCsv {
    static final List<String> HEADER = List.of(
            "table",
            "row",
            "kind",
            "level",
            "label",
            "column",
            "header",
            "currency",
            "value",
            "mark",
            "declared",
            "difference",
            "classification",
            "year",
            "period",
            "printed");

    private BudgetCsv() {}

    static byte[] write(ReconciledBudgets budgets) {
        Map<String, TotalMismatch> mismatches = new HashMap<>();
        budgets.mismatches().forEach(m -> mismatches.put(m.pointer(), m));
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (Map.Entry<String, ComputedBudget> entry : budgets.byPointer().entrySet()) {
            ComputedBudget computed = entry.getValue();
            PrintedBudget printed = budgets.printed(entry.getKey());
            BudgetTable table = computed.table();
            for (int r = 0; r < table.rows().size(); r++) {
                BudgetRow row = table.rows().get(r);
                String kind = row.kind().name().toLowerCase(Locale.ROOT);
                if (row.kind() == BudgetRow.Kind.HEADING) {
                    line(
                            csv,
                            List.of(
                                    table.id(),
                                    String.valueOf(r + 1),
                                    kind,
                                    String.valueOf(row.level()),
                                    row.label(),
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    ""));
                    continue;
                }
                for (int c = 0; c < table.columns().size(); c++) {
                    BudgetColumn column = table.columns().get(c);
                    Figure figure = computed.figure(r, c);
                    BigDecimal declared = row.declared().get(column.key());
                    TotalMismatch mismatch =
                            mismatches.get(entry.getKey() + "/rows/" + r + "/declared/" + column.key());
                    line(
                            csv,
                            List.of(
                                    table.id(),
                                    String.valueOf(r + 1),
                                    kind,
                                    String.valueOf(row.level()),
                                    row.label(),
                                    column.key(),
                                    column.header(),
                                    column.currency().name(),
                                    figure.isAmount() ? computed.shown(r, c).toPlainString() : "",
                                    mark(figure),
                                    declared == null ? "" : declared.toPlainString(),
                                    mismatch == null
                                            ? ""
                                            : mismatch.difference().toPlainString(),
                                    mismatch == null
                                            ? ""
                                            : mismatch.classification().name().toLowerCase(Locale.ROOT),
                                    column.year() == null ? "" : column.year().toString(),
                                    column.period() == null ? "" : column.period(),
                                    printed.cell(r, c).kind() == BudgetCell.Kind.AMOUNT
                                            ? printed.amount(r, c).toPlainString()
                                            : ""));
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String mark(Figure figure) {
        return switch (figure.kind()) {
            case DASH -> "-";
            case NOT_APPLICABLE -> "n.a.";
            case AMOUNT, BLANK -> "";
        };
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quotes as RFC 4180 says; prefixes {@code '} to text starting like a formula (OWASP CSV injection). */
    static String field(String value) {
        String safe =
                !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?");
    }
}
