package io.sello.budget;

import io.sello.document.ComputedFigure;
import io.sello.document.TotalMismatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a computed table prints, cell by cell: the computed figure, or the declared one where the
 * request asks for {@link PrintedFigures#DECLARED_WITHIN_ROUNDING} and the reconciliation classes the
 * difference as rounding (issue 13: a reviewer laying the printout beside the signed paper must find
 * the paper's figures). Real errors always print the computed figure. PDF, XLSX and CSV all read this.
 */
final class PrintedBudget {
    private final ComputedBudget computed;
    /** Declared figures printed instead of the computed ones, by {@link #key}. */
    private final Map<Integer, TotalMismatch> declaredShown = new HashMap<>();

    private final boolean mayNotAddUp;

    private PrintedBudget(
            ComputedBudget computed, String tablePointer, List<TotalMismatch> mismatches, PrintedFigures figures) {
        this.computed = computed;
        BudgetTable table = computed.table();
        if (figures == PrintedFigures.DECLARED_WITHIN_ROUNDING) {
            Map<String, TotalMismatch> byPointer = new HashMap<>();
            mismatches.forEach(m -> byPointer.put(m.pointer(), m));
            for (int r = 0; r < table.rows().size(); r++) {
                for (String key : table.rows().get(r).declared().keySet()) {
                    TotalMismatch m = byPointer.get(Reconciliation.pointer(tablePointer, r, key));
                    int c = table.columnIndex(key);
                    // A declared figure with more decimals than the column prints could not be printed as declared.
                    boolean printable = m != null
                            && Math.max(m.declared().stripTrailingZeros().scale(), 0)
                                    <= table.columns().get(c).decimals();
                    if (printable && !m.isError()) {
                        declaredShown.put(key(r, c), m);
                    }
                }
            }
        }
        this.mayNotAddUp = checkSums();
    }

    static PrintedBudget of(
            ComputedBudget computed, String tablePointer, List<TotalMismatch> mismatches, PrintedFigures figures) {
        return new PrintedBudget(computed, tablePointer, mismatches, figures);
    }

    public ComputedBudget computed() {
        return computed;
    }

    public BudgetTable table() {
        return computed.table();
    }

    /** Whether the cell prints the client's declared figure rather than the computed one. */
    public boolean showsDeclared(int row, int column) {
        return declaredShown.containsKey(key(row, column));
    }

    /** The rounding difference behind a cell that prints its declared figure, or {@code null}. */
    public TotalMismatch declaredDifference(int row, int column) {
        return declaredShown.get(key(row, column));
    }

    /**
     * The cell as printed: the declared figure, or the computed cell at full precision (the number
     * format rounds it, half up, and keeps the sign of a small negative: {@code (0)}, as a spreadsheet does).
     */
    public BudgetCell cell(int row, int column) {
        TotalMismatch declared = declaredShown.get(key(row, column));
        return declared != null
                ? BudgetCell.of(declared.declared())
                : computed.figure(row, column).cell();
    }

    /** The printed amount as a number with the column's decimals; zero for {@code -}, {@code n.a.} and blanks. */
    public BigDecimal amount(int row, int column) {
        TotalMismatch declared = declaredShown.get(key(row, column));
        return declared != null ? declared.declared() : computed.shown(row, column);
    }

    /** How the cell prints in the table's number style. */
    public String text(int row, int column) {
        int decimals = table().columns().get(column).decimals();
        if (showsDeclared(row, column)
                && amount(row, column).signum() == 0
                && computed.figure(row, column).amount().signum() < 0) {
            // A declared zero standing for a small negative figure: the spreadsheet printed it "(0)" (seed 003,
            // AMPEX's Total Disponible), and the arithmetic agrees that it is below zero.
            return table().numberStyle().accounting(BigDecimal.ONE.negate().movePointLeft(decimals + 1), decimals);
        }
        return BudgetLayout.text(table().numberStyle(), cell(row, column), decimals);
    }

    /**
     * True when some printed figure is not what the table's arithmetic gives from the other printed
     * figures: a declared figure printed within rounding, or a display-rounded total. The table then
     * carries the note "Las cifras pueden no sumar exactamente debido al redondeo.", once.
     */
    public boolean mayNotAddUp() {
        return mayNotAddUp;
    }

    /**
     * Every computed cell this table prints, as {@code POST …/validate} reports it (issue 15): the computed
     * columns of items, and every printed column of groups, subtotals and totals. Each is named by the
     * pointer a client would declare it at ({@code /tables/0/rows/3/declared/usd}, as {@link Reconciliation}
     * names a mismatch) and carries what {@link #text} prints, so value and printout are the same figure:
     * the declared one where this table prints it within rounding. Hidden columns print nothing and blank
     * cells print nothing, so neither is listed; {@code -} and {@code n.a.} have no value.
     */
    public List<ComputedFigure> figures(String tablePointer) {
        BudgetTable table = table();
        String title = table.title() == null || table.title().isBlank() ? table.id() : table.title();
        List<ComputedFigure> figures = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            BudgetRow row = table.rows().get(r);
            if (row.kind() == BudgetRow.Kind.HEADING) {
                continue;
            }
            String rowName = row.label().isBlank() ? "fila " + (r + 1) : row.label();
            for (int c = 0; c < table.columns().size(); c++) {
                BudgetColumn column = table.columns().get(c);
                BudgetCell cell = cell(r, c);
                if (column.hidden()
                        || (row.kind() == BudgetRow.Kind.ITEM && column.isInput())
                        || cell.kind() == BudgetCell.Kind.BLANK) {
                    continue;
                }
                String value = cell.kind() == BudgetCell.Kind.AMOUNT
                        ? amount(r, c)
                                .setScale(column.decimals(), RoundingMode.HALF_UP)
                                .toPlainString()
                        : null;
                figures.add(new ComputedFigure(
                        Reconciliation.pointer(tablePointer, r, column.key()),
                        title + " · " + rowName + " · " + Reconciliation.columnName(column),
                        value,
                        text(r, c)));
            }
        }
        return figures;
    }

    private int key(int row, int column) {
        return row * table().columns().size() + column;
    }

    /** Redoes every sum, formula and conversion from the printed figures of the printed columns. */
    private boolean checkSums() {
        BudgetTable table = table();
        for (int r = 0; r < table.rows().size(); r++) {
            BudgetRow row = table.rows().get(r);
            if (row.kind() == BudgetRow.Kind.HEADING) {
                continue;
            }
            List<Integer> members = RowMembers.of(table.rows(), r);
            for (int c = 0; c < table.columns().size(); c++) {
                BudgetColumn column = table.columns().get(c);
                if (column.hidden() || cell(r, c).kind() != BudgetCell.Kind.AMOUNT) {
                    continue;
                }
                BigDecimal expected = row.kind() == BudgetRow.Kind.ITEM ? itemExpected(r, column) : sum(members, c);
                if (expected != null && expected.compareTo(amount(r, c)) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private BigDecimal sum(List<Integer> rows, int c) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int r : rows) {
            if (cell(r, c).kind() != BudgetCell.Kind.NOT_APPLICABLE) {
                sum = sum.add(amount(r, c));
            }
        }
        return sum;
    }

    /** What a reviewer recomputes for a computed item cell, or {@code null} when it cannot be checked on paper. */
    private BigDecimal itemExpected(int r, BudgetColumn column) {
        BudgetTable table = table();
        Computation computation = column.computation();
        for (String source : computation.sources()) {
            int s = table.columnIndex(source);
            if (table.columns().get(s).hidden() || cell(r, s).kind() == BudgetCell.Kind.NOT_APPLICABLE) {
                return null;
            }
        }
        if (computation instanceof Computation.RowSum sum) {
            return sum.sources().stream()
                    .map(k -> amount(r, table.columnIndex(k)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        if (computation instanceof Computation.Formula formula) {
            BigDecimal result = BigDecimal.ZERO;
            for (Computation.Term term : formula.terms()) {
                BigDecimal value = amount(r, table.columnIndex(term.column()));
                result = term.negative() ? result.subtract(value) : result.add(value);
            }
            return result;
        }
        if (computation instanceof Computation.Conversion conversion) {
            BudgetColumn from = table.column(conversion.from()).orElseThrow();
            BigDecimal exact = conversion
                    .rate()
                    .convert(amount(r, table.columnIndex(from.key())), from.currency(), column.currency());
            return exact.setScale(column.decimals(), conversion.rounding());
        }
        return null;
    }
}
