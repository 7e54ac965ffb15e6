package io.sello.budget;

import java.util.ArrayList;
import java.util.List;

/** Which items a group, subtotal or total adds up (docs/budget-tables.md, "Rows"). */
final class RowMembers {
    private RowMembers() {}

    /** The indices of the items row {@code r} adds up; empty for a heading or an item. */
    static List<Integer> of(List<BudgetRow> rows, int r) {
        BudgetRow row = rows.get(r);
        List<Integer> members = new ArrayList<>();
        switch (row.kind()) {
            case GROUP -> {
                for (int i = r + 1; i < rows.size() && deeper(rows.get(i), row.level()); i++) {
                    addItem(rows, i, members);
                }
            }
            case SUBTOTAL -> {
                int start = r - 1;
                while (start >= 0 && !opensSection(rows.get(start))) {
                    start--;
                }
                for (int i = start + 1; i < r; i++) {
                    addItem(rows, i, members);
                }
            }
            case TOTAL -> {
                for (int i = 0; i < rows.size(); i++) {
                    addItem(rows, i, members);
                }
            }
            case ITEM, HEADING -> {}
        }
        return members;
    }

    private static boolean deeper(BudgetRow candidate, int level) {
        BudgetRow.Kind kind = candidate.kind();
        boolean leveled = kind == BudgetRow.Kind.ITEM || kind == BudgetRow.Kind.GROUP || kind == BudgetRow.Kind.HEADING;
        return leveled && candidate.level() > level;
    }

    private static boolean opensSection(BudgetRow row) {
        return row.kind() == BudgetRow.Kind.HEADING || row.kind() == BudgetRow.Kind.SUBTOTAL;
    }

    private static void addItem(List<BudgetRow> rows, int i, List<Integer> members) {
        if (rows.get(i).kind() == BudgetRow.Kind.ITEM) {
            members.add(i);
        }
    }
}
