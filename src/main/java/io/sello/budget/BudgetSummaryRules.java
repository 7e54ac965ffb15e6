package io.sello.budget;

import io.sello.document.InputFindings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code budget-summary} request that the schema accepted, bound and checked for what the schema cannot say: each
 * table's rules ({@link BudgetTableRules}), table ids used once, each signatory role at most once.
 */
final class BudgetSummaryRules {
    private BudgetSummaryRules() {}

    /** The summary, or {@code null} when {@code findings} holds errors. */
    static BudgetSummary check(BudgetSummaryRequest s, InputFindings findings) {
        List<BudgetTable> tables = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < s.tables().size(); i++) {
            BudgetTable table = BudgetTableRules.check(s.tables().get(i), BudgetSummary.pointer(i), findings);
            if (table == null) {
                continue;
            }
            String first = ids.putIfAbsent(table.id(), BudgetSummary.pointer(i));
            if (first != null) {
                findings.error(
                        BudgetSummary.pointer(i) + "/id",
                        "table id \"" + table.id() + "\" is already used at " + first);
                continue;
            }
            tables.add(table);
        }
        List<Signatory> signatories = signatories(s.signatories(), findings);
        if (findings.hasErrors()) {
            return null;
        }
        return new BudgetSummary(
                s.title().strip(),
                BudgetTableRules.stripped(s.subtitle()),
                BudgetTableRules.stripped(s.issuer()),
                BudgetTableRules.stripped(s.placeAndDate()),
                tables,
                BudgetTableRules.texts(s.notes()),
                s.figures() == null ? PrintedFigures.DECLARED_WITHIN_ROUNDING : s.figures(),
                signatories);
    }

    /** As Formulario N.5.B: each role at most once, so at most three (the schema's maxItems). */
    private static List<Signatory> signatories(
            List<BudgetSummaryRequest.SignatoryRequest> requested, InputFindings findings) {
        Map<Signatory.Role, Signatory> byRole = new EnumMap<>(Signatory.Role.class);
        for (int i = 0; i < requested.size(); i++) {
            var o = requested.get(i);
            Signatory signatory = new Signatory(
                    o.role(), BudgetTableRules.stripped(o.name()), BudgetTableRules.stripped(o.position()));
            if (byRole.putIfAbsent(o.role(), signatory) != null) {
                findings.error("/signatories/" + i + "/role", "role " + o.role() + " is given more than once");
            }
        }
        return List.copyOf(byRole.values());
    }
}
