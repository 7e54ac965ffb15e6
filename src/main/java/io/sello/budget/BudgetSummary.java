package io.sello.budget;

import java.util.EnumSet;
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
 * @param signatories  at most one per role; empty when the request gives none, and then the PDF has no
 *                     signature block (as before the block existed)
 */
record BudgetSummary(
        String title,
        String subtitle,
        String issuer,
        String placeAndDate,
        List<BudgetTable> tables,
        List<String> notes,
        PrintedFigures figures,
        List<Signatory> signatories) {
    public BudgetSummary(
            String title,
            String subtitle,
            String issuer,
            String placeAndDate,
            List<BudgetTable> tables,
            List<String> notes,
            PrintedFigures figures) {
        this(title, subtitle, issuer, placeAndDate, tables, notes, figures, List.of());
    }

    public BudgetSummary {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(figures, "figures");
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
        signatories = List.copyOf(signatories);
        Set<Signatory.Role> roles = EnumSet.noneOf(Signatory.Role.class);
        for (Signatory signatory : signatories) {
            if (!roles.add(signatory.role())) {
                throw new IllegalArgumentException("role " + signatory.role() + " appears twice");
            }
        }
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

    /** The signatory in {@code role}, or one with a blank name and position: the form prints such a row blank. */
    Signatory signatory(Signatory.Role role) {
        return signatories.stream().filter(s -> s.role() == role).findFirst().orElse(new Signatory(role, "", ""));
    }

    /** The JSON pointer of table {@code i} in the request. */
    static String pointer(int i) {
        return "/tables/" + i;
    }
}
