package io.sello.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Works out every cell of a budget table with {@link BigDecimal} only. Items first, column by
 * column left to right; then groups, subtotals and totals. In per-cell rounding (the default) a
 * conversion is rounded to its column's decimals at once, so groups and totals add up the printed
 * cells and a reviewer adding a column by hand finds the same figure. In display rounding a
 * conversion keeps full precision and everything built on it adds unrounded values, as the
 * spreadsheets behind seed 003 did; the figure is rounded only when printed ({@link ComputedBudget#shown}).
 */
final class BudgetCalculator {
    private BudgetCalculator() {}

    public static ComputedBudget compute(BudgetTable table) {
        List<BudgetRow> rows = table.rows();
        List<List<Figure>> figures = new ArrayList<>();
        for (BudgetRow row : rows) {
            figures.add(row.kind() == BudgetRow.Kind.ITEM ? item(table, row) : null);
        }
        for (int r = 0; r < rows.size(); r++) {
            if (figures.get(r) == null) {
                figures.set(r, aggregate(table, figures, RowMembers.of(rows, r)));
            }
        }
        return new ComputedBudget(table, figures);
    }

    private static List<Figure> item(BudgetTable table, BudgetRow row) {
        List<Figure> cells = new ArrayList<>();
        for (BudgetColumn column : table.columns()) {
            Computation computation = column.computation();
            Figure figure;
            if (computation instanceof Computation.Input) {
                figure = input(table, column, row.values().getOrDefault(column.key(), BudgetCell.BLANK));
            } else if (computation instanceof Computation.RowSum sum) {
                figure = sum(sum.sources().stream()
                        .map(key -> cells.get(table.columnIndex(key)))
                        .toList());
            } else if (computation instanceof Computation.Formula formula) {
                figure = formula(table, formula, cells);
            } else {
                Computation.Conversion conversion = (Computation.Conversion) computation;
                figure = convert(table, conversion, column, cells.get(table.columnIndex(conversion.from())));
            }
            cells.add(figure);
        }
        return cells;
    }

    private static Figure input(BudgetTable table, BudgetColumn column, BudgetCell cell) {
        boolean rounded = table.roundedInputs() && cell.kind() == BudgetCell.Kind.AMOUNT;
        return new Figure(cell, rounded ? halfUnit(column.decimals()) : BigDecimal.ZERO);
    }

    private static Figure formula(BudgetTable table, Computation.Formula formula, List<Figure> cells) {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal bound = BigDecimal.ZERO;
        boolean anyAmount = false;
        boolean anyDash = false;
        for (Computation.Term term : formula.terms()) {
            Figure figure = cells.get(table.columnIndex(term.column()));
            if (figure.kind() == BudgetCell.Kind.NOT_APPLICABLE) {
                return new Figure(BudgetCell.NOT_APPLICABLE, BigDecimal.ZERO);
            }
            amount = term.negative() ? amount.subtract(figure.amount()) : amount.add(figure.amount());
            bound = bound.add(figure.bound());
            anyAmount |= figure.isAmount();
            anyDash |= figure.kind() == BudgetCell.Kind.DASH;
        }
        return new Figure(anyAmount ? BudgetCell.of(amount) : anyDash ? BudgetCell.DASH : BudgetCell.BLANK, bound);
    }

    private static Figure convert(
            BudgetTable table, Computation.Conversion conversion, BudgetColumn column, Figure source) {
        if (!source.isAmount()) {
            return new Figure(source.cell(), BigDecimal.ZERO);
        }
        BudgetColumn from = table.column(conversion.from()).orElseThrow();
        BigDecimal exact = conversion.rate().convert(source.amount(), from.currency(), column.currency());
        BigDecimal carried = source.bound().multiply(conversion.rate().factor(from.currency(), column.currency()));
        if (table.rounding() == TableRounding.DISPLAY) {
            // Nothing rounded here, so nothing added to the bound: the printout rounds once, at the end.
            return new Figure(BudgetCell.of(exact), carried.setScale(6, RoundingMode.UP));
        }
        BigDecimal rounded = exact.setScale(column.decimals(), conversion.rounding());
        BigDecimal bound = carried.add(halfUnit(column.decimals())).setScale(6, RoundingMode.UP);
        return new Figure(BudgetCell.of(rounded), bound);
    }

    /** Adds figures as a reviewer does: {@code n.a.} is left out, {@code -} and blanks count as zero. */
    static Figure sum(List<Figure> terms) {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal bound = BigDecimal.ZERO;
        boolean anyAmount = false;
        boolean anyDash = false;
        boolean anyNotApplicable = false;
        for (Figure figure : terms) {
            switch (figure.kind()) {
                case AMOUNT -> anyAmount = true;
                case DASH -> anyDash = true;
                case NOT_APPLICABLE -> anyNotApplicable = true;
                case BLANK -> {}
            }
            if (figure.kind() != BudgetCell.Kind.NOT_APPLICABLE) {
                amount = amount.add(figure.amount());
                bound = bound.add(figure.bound());
            }
        }
        BudgetCell cell = anyAmount
                ? BudgetCell.of(amount)
                : anyDash ? BudgetCell.DASH : anyNotApplicable ? BudgetCell.NOT_APPLICABLE : BudgetCell.BLANK;
        return new Figure(cell, bound);
    }

    private static List<Figure> aggregate(BudgetTable table, List<List<Figure>> figures, List<Integer> members) {
        List<Figure> cells = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            List<Figure> column = new ArrayList<>();
            for (int member : members) {
                column.add(figures.get(member).get(c));
            }
            cells.add(members.isEmpty() ? Figure.BLANK : sum(column));
        }
        return cells;
    }

    /** Half a unit of the last printed decimal: 0.5 for whole numbers, 0.005 for cents. */
    static BigDecimal halfUnit(int decimals) {
        return BigDecimal.valueOf(5, decimals + 1);
    }
}
