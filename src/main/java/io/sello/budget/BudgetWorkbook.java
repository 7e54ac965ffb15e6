package io.sello.budget;

import io.sello.document.TotalMismatch;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The budget tables as an XLSX workbook: one sheet per table holding real numbers, and a real
 * formula in every computed cell (conversions with ROUND in per-cell rounding, unrounded with a
 * number format in display rounding; formulas, row sums, groups, subtotals and totals as SUM), so
 * a reviewer can audit the arithmetic in the spreadsheet itself. The sheet shows what the PDF
 * shows: a cell printing its declared figure holds that figure, and its formula lives in a hidden
 * column right beside it. A last sheet, "Conciliación", lists every declared figure that differs,
 * with the computed figure as a formula pointing at its cell. The only class that touches Apache POI.
 */
final class BudgetWorkbook {
    private static final int LABEL_WIDTH = 60 * 256;
    private static final int AMOUNT_WIDTH = 15 * 256;

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Map<String, CellStyle> styles = new HashMap<>();
    /** Where each table's cells landed: pointer → sheet name and first data row. */
    private final Map<String, Placed> placed = new HashMap<>();
    /** One drawing per sheet holds its comments; POI replaces it if asked twice. */
    private final Map<Sheet, Drawing<?>> drawings = new HashMap<>();

    private BudgetWorkbook() {}

    static byte[] write(BudgetSummary summary, ReconciledBudgets budgets) {
        BudgetWorkbook book = new BudgetWorkbook();
        try (XSSFWorkbook workbook = book.workbook) {
            workbook.getProperties().getCoreProperties().setTitle(summary.title());
            Set<String> names = new HashSet<>();
            budgets.byPointer().keySet().forEach(pointer -> book.sheet(pointer, budgets.printed(pointer), names));
            book.reconciliation(budgets.mismatches());
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            workbook.setForceFormulaRecalculation(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sheet(String pointer, PrintedBudget printed, Set<String> names) {
        ComputedBudget computed = printed.computed();
        BudgetTable table = computed.table();
        Columns at = Columns.of(printed);
        Sheet sheet = workbook.createSheet(uniqueName(table.id(), names));
        int r = 0;
        Row titleRow = sheet.createRow(r++);
        text(titleRow, 0, table.title() == null ? table.id() : table.title(), style("title", false, null));
        boolean grouped = table.columns().stream().anyMatch(c -> c.group() != null);
        if (grouped) {
            Row groups = sheet.createRow(r++);
            for (int c = 0; c < table.columns().size(); c++) {
                String group = table.columns().get(c).group();
                int span = 1;
                while (group != null
                        && c + span < table.columns().size()
                        && group.equals(table.columns().get(c + span).group())) {
                    span++;
                }
                int last = at.last(c + span - 1);
                for (int x = at.shown(c); x <= last; x++) {
                    text(groups, x, x == at.shown(c) && group != null ? group : "", style("header", true, null));
                }
                if (last > at.shown(c)) {
                    sheet.addMergedRegion(new CellRangeAddress(r - 1, r - 1, at.shown(c), last));
                }
                c += span - 1;
            }
        }
        Row header = sheet.createRow(r++);
        text(header, 0, table.labelHeader(), style("header", true, null));
        for (int c = 0; c < table.columns().size(); c++) {
            BudgetColumn column = table.columns().get(c);
            text(header, at.shown(c), column.header() + " (" + column.currency() + ")", style("header", true, null));
            if (at.computed(c) >= 0) {
                text(
                        header,
                        at.computed(c),
                        column.header() + " (" + column.currency() + ") – calculado",
                        style("header", true, null));
            }
        }
        int first = r;
        placed.put(pointer, new Placed(sheet.getSheetName(), first, table, at));
        for (int i = 0; i < table.rows().size(); i++) {
            row(sheet, sheet.createRow(first + i), printed, at, i, first);
        }
        r = first + table.rows().size() + 1;
        for (String note : table.notes()) {
            text(sheet.createRow(r++), 0, note, null);
        }
        if (printed.mayNotAddUp()) {
            text(sheet.createRow(r), 0, BudgetLayout.ROUNDING_NOTE, null);
        }
        sheet.setColumnWidth(0, LABEL_WIDTH);
        for (int c = 0; c < table.columns().size(); c++) {
            sheet.setColumnWidth(at.shown(c), AMOUNT_WIDTH);
            sheet.setColumnHidden(at.shown(c), table.columns().get(c).hidden());
            if (at.computed(c) >= 0) {
                sheet.setColumnWidth(at.computed(c), AMOUNT_WIDTH);
                sheet.setColumnHidden(at.computed(c), true);
            }
        }
        sheet.createFreezePane(1, first);
    }

    private void row(Sheet sheet, Row excel, PrintedBudget printed, Columns at, int r, int first) {
        ComputedBudget computed = printed.computed();
        BudgetTable table = computed.table();
        BudgetRow row = table.rows().get(r);
        boolean bold = row.kind() != BudgetRow.Kind.ITEM;
        Cell label = excel.createCell(0);
        label.setCellValue(row.label());
        label.setCellStyle(style("label" + row.level() + (row.italic() ? "i" : ""), bold, null));
        if (row.kind() == BudgetRow.Kind.HEADING) {
            return;
        }
        List<Integer> members = RowMembers.of(table.rows(), r);
        for (int c = 0; c < table.columns().size(); c++) {
            BudgetColumn column = table.columns().get(c);
            Figure figure = computed.figure(r, c);
            if (figure.kind() == BudgetCell.Kind.BLANK && !printed.showsDeclared(r, c)) {
                continue;
            }
            String formula = row.kind() == BudgetRow.Kind.ITEM
                    ? itemFormula(table, at, column, first + r)
                    : "SUM(" + ranges(at.source(c), members, first) + ")";
            if (at.computed(c) >= 0) {
                computedCell(excel.createCell(at.computed(c)), figure, formula, bold, column.decimals());
            }
            Cell cell = excel.createCell(at.shown(c));
            if (printed.showsDeclared(r, c)) {
                // The figure the PDF prints; its formula and result stay in the hidden column beside it.
                cell.setCellValue(printed.amount(r, c).doubleValue());
                // A declared zero standing for a small negative prints "(0)" in the PDF; the zero format says so here.
                boolean negativeZero = printed.text(r, c).startsWith("(")
                        && printed.amount(r, c).signum() == 0;
                cell.setCellStyle(style(negativeZero ? "amount-negative-zero" : "amount", bold, column.decimals()));
                comment(sheet, cell, printed.declaredDifference(r, c), formula, table, column);
            } else {
                computedCell(cell, figure, formula, bold, column.decimals());
            }
        }
    }

    private void computedCell(Cell cell, Figure figure, String formula, boolean bold, int decimals) {
        if (figure.kind() == BudgetCell.Kind.BLANK) {
            return;
        }
        if (figure.kind() == BudgetCell.Kind.NOT_APPLICABLE) {
            cell.setCellValue("n.a.");
            cell.setCellStyle(style("na", bold, null));
            return;
        }
        // Display-rounded figures keep full precision: the number format rounds them, never ROUND().
        cell.setCellStyle(style("amount", bold, figure.kind() == BudgetCell.Kind.DASH ? -1 : decimals));
        if (formula == null) {
            cell.setCellValue(figure.amount().doubleValue());
        } else {
            cell.setCellFormula(formula);
        }
    }

    /** Tells a reviewer opening the cell why it holds a constant, and where the arithmetic is. */
    private void comment(
            Sheet sheet, Cell cell, TotalMismatch difference, String formula, BudgetTable table, BudgetColumn column) {
        var anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 4);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 4);
        Comment comment = drawing(sheet).createCellComment(anchor);
        String computedAt = CellReference.convertNumToColString(cell.getColumnIndex() + 1) + (cell.getRowIndex() + 1);
        comment.setString(workbook.getCreationHelper()
                .createRichTextString(
                        "Cifra declarada " + table.numberStyle().accounting(difference.declared(), column.decimals())
                                + " (diferencia de redondeo, tolerancia ±"
                                + difference.tolerance().toPlainString() + ")."
                                + " Calculado en " + computedAt + " (columna oculta): "
                                + (formula == null ? "" : "=" + formula + " = ")
                                + table.numberStyle().accounting(difference.computed(), column.decimals()) + "."));
        comment.setAuthor("Sello");
        cell.setCellComment(comment);
    }

    private Drawing<?> drawing(Sheet sheet) {
        return drawings.computeIfAbsent(sheet, Sheet::createDrawingPatriarch);
    }

    /** The formula of a computed item cell, or {@code null} for an input. */
    private static String itemFormula(BudgetTable table, Columns at, BudgetColumn column, int excelRow) {
        Computation computation = column.computation();
        if (computation instanceof Computation.RowSum sum) {
            return "SUM("
                    + String.join(
                            ",",
                            sum.sources().stream()
                                    .map(k -> ref(table, at, k, excelRow))
                                    .toList()) + ")";
        }
        if (computation instanceof Computation.Formula formula) {
            StringBuilder text = new StringBuilder();
            for (Computation.Term term : formula.terms()) {
                text.append(term.negative() ? "-" : text.length() == 0 ? "" : "+")
                        .append(ref(table, at, term.column(), excelRow));
            }
            return text.toString();
        }
        if (computation instanceof Computation.Conversion conversion) {
            BudgetColumn from = table.column(conversion.from()).orElseThrow();
            String rate = conversion.rate().value().toPlainString();
            String exact = ref(table, at, conversion.from(), excelRow)
                    + (conversion.rate().base() == from.currency() ? "*" : "/")
                    + rate;
            return table.rounding() == TableRounding.DISPLAY
                    ? exact
                    : rounded(exact, column.decimals(), conversion.rounding());
        }
        return null;
    }

    /** Excel's ROUND rounds half away from zero, which is BigDecimal's HALF_UP. */
    private static String rounded(String exact, int decimals, RoundingMode mode) {
        return switch (mode) {
            case HALF_UP -> "ROUND(" + exact + "," + decimals + ")";
            case DOWN -> "ROUNDDOWN(" + exact + "," + decimals + ")";
            case UP -> "ROUNDUP(" + exact + "," + decimals + ")";
            case HALF_EVEN ->
                "ROUND(" + exact + "," + decimals + ")-IF(MOD(ABS(" + exact + ")*10^" + decimals + ",2)=0.5,SIGN("
                        + exact + ")*10^-" + decimals + ",0)";
            default -> throw new IllegalArgumentException("no spreadsheet formula for " + mode);
        };
    }

    /** Formulas read the computed cells: the hidden computed column where a column has one. */
    private static String ref(BudgetTable table, Columns at, String key, int excelRow) {
        return new CellReference(excelRow, at.source(table.columnIndex(key)), false, false).formatAsString();
    }

    /** {@code B4:B9,B12}: the member rows of a sum, contiguous runs as ranges. */
    private static String ranges(int excelColumn, List<Integer> members, int first) {
        if (members.isEmpty()) {
            return "0";
        }
        String col = CellReference.convertNumToColString(excelColumn);
        List<String> parts = new ArrayList<>();
        int start = members.get(0);
        int previous = start;
        for (int i = 1; i <= members.size(); i++) {
            int current = i < members.size() ? members.get(i) : -2;
            if (current != previous + 1) {
                parts.add(
                        start == previous
                                ? col + (first + start + 1)
                                : col + (first + start + 1) + ":" + col + (first + previous + 1));
                start = current;
            }
            previous = current;
        }
        return String.join(",", parts);
    }

    private void reconciliation(List<TotalMismatch> mismatches) {
        Sheet sheet = workbook.createSheet("Conciliación");
        Row header = sheet.createRow(0);
        String[] titles = {
            "Tabla",
            "Fila",
            "Columna",
            "Declarado",
            "Calculado",
            "Diferencia",
            "Tolerancia",
            "Clasificación",
            "Puntero JSON"
        };
        for (int c = 0; c < titles.length; c++) {
            text(header, c, titles[c], style("header", true, null));
        }
        int r = 1;
        for (TotalMismatch m : mismatches) {
            Row row = sheet.createRow(r);
            text(row, 0, m.location().table(), null);
            text(row, 1, m.location().row(), null);
            text(row, 2, m.location().column(), null);
            number(row, 3, m.declared().doubleValue());
            Cell computed = row.createCell(4);
            computed.setCellFormula(computedRef(m));
            computed.setCellStyle(style("amount", false, 2));
            Cell difference = row.createCell(5);
            difference.setCellFormula("D" + (r + 1) + "-E" + (r + 1));
            difference.setCellStyle(style("amount", false, 2));
            number(row, 6, m.tolerance().doubleValue());
            text(row, 7, m.isError() ? "error" : "redondeo", null);
            text(row, 8, m.pointer(), null);
            r++;
        }
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 50 * 256);
        sheet.setColumnWidth(2, 30 * 256);
        for (int c = 3; c <= 7; c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
        sheet.setColumnWidth(8, 40 * 256);
    }

    /** The sheet cell a mismatch's computed figure lives in, as a formula reference. */
    private String computedRef(TotalMismatch m) {
        String pointer = m.pointer();
        int rows = pointer.lastIndexOf("/rows/");
        Placed at = placed.get(pointer.substring(0, rows));
        String[] rest = pointer.substring(rows + "/rows/".length()).split("/");
        int r = Integer.parseInt(rest[0]);
        int column = at.table().columnIndex(rest[2]);
        String ref = "'" + at.sheet().replace("'", "''") + "'!"
                + new CellReference(at.first() + r, at.columns().source(column), true, true).formatAsString();
        // The reconciliation compares figures as printed: a display-rounded cell is rounded here, and only here.
        return at.table().rounding() == TableRounding.DISPLAY
                ? "ROUND(" + ref + "," + at.table().columns().get(column).decimals() + ")"
                : ref;
    }

    private void number(Row row, int c, double value) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style("amount", false, 2));
    }

    private void text(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** @param decimals for amounts: 0 or 2, or -1 for a cell printed "-" */
    private CellStyle style(String kind, boolean bold, Integer decimals) {
        String key = kind + "|" + bold + "|" + decimals;
        return styles.computeIfAbsent(key, k -> {
            CellStyle style = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(bold || kind.equals("title"));
            font.setItalic(kind.endsWith("i") && kind.startsWith("label"));
            style.setFont(font);
            if (kind.startsWith("label")) {
                style.setIndention((short) Character.getNumericValue(kind.charAt(5)));
            }
            if (kind.equals("header")) {
                style.setWrapText(true);
                style.setAlignment(HorizontalAlignment.CENTER);
                style.setBorderBottom(BorderStyle.THIN);
            }
            if (kind.equals("na")) {
                style.setAlignment(HorizontalAlignment.RIGHT);
            }
            if (decimals != null) {
                String digits = decimals == 2 ? "#,##0.00" : "#,##0";
                String zero = decimals == -1 ? "\"-\"" : decimals == 2 ? "0.00" : "0";
                zero = kind.equals("amount-negative-zero") ? "(" + zero + ")" : zero;
                style.setDataFormat(workbook.createDataFormat().getFormat(digits + ";(" + digits + ");" + zero));
            }
            return style;
        });
    }

    /** Sheet names: at most 31 characters and unique; table ids are already safe characters. */
    private static String uniqueName(String id, Set<String> names) {
        String base = id.length() > 28 ? id.substring(0, 28) : id;
        String name = base;
        for (int n = 2; !names.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "~" + n;
        }
        return name;
    }

    private record Placed(String sheet, int first, BudgetTable table, Columns columns) {}

    /**
     * Where each table column lands: its printed cells, and, for a column with a cell printing its
     * declared figure, a hidden column right after it holding the computed formulas of every row
     * (docs/budget-tables.md, "XLSX"). Formulas always read the computed cells.
     *
     * @param shown    by table column, the sheet column of the printed cells
     * @param computed by table column, the sheet column of the hidden computed cells, or -1
     */
    record Columns(int[] shown, int[] computed) {
        static Columns of(PrintedBudget printed) {
            BudgetTable table = printed.table();
            int n = table.columns().size();
            int[] shown = new int[n];
            int[] computed = new int[n];
            int x = 1;
            for (int c = 0; c < n; c++) {
                shown[c] = x++;
                boolean declared = false;
                for (int r = 0; r < table.rows().size() && !declared; r++) {
                    declared = printed.showsDeclared(r, c);
                }
                computed[c] = declared ? x++ : -1;
            }
            return new Columns(shown, computed);
        }

        int shown(int column) {
            return shown[column];
        }

        int computed(int column) {
            return computed[column];
        }

        /** The sheet column formulas read for this table column. */
        int source(int column) {
            return computed[column] >= 0 ? computed[column] : shown[column];
        }

        /** The last sheet column this table column occupies. */
        int last(int column) {
            return computed[column] >= 0 ? computed[column] : shown[column];
        }
    }
}
