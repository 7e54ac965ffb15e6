package io.sello.budget;

import io.sello.document.SafeFileName;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.TemplateId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The budget-summary PDF: a document header, then each table through the shared budget macro. */
final class BudgetSummaryLayout {
    static final TemplateId TEMPLATE = new TemplateId("budget-summary");

    private BudgetSummaryLayout() {}

    static RenderRequest of(BudgetSummary summary, ReconciledBudgets budgets) {
        List<Map<String, Object>> tables = new ArrayList<>();
        for (int i = 0; i < summary.tables().size(); i++) {
            String pointer = BudgetSummary.pointer(i);
            Map<String, Object> table = BudgetLayout.table(
                    budgets.printed(pointer), budgets.errorsIn(pointer), BudgetLayout.LANDSCAPE_WIDTH);
            BudgetLayout.requirePrintable(pointer, table);
            tables.add(table);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("title", summary.title());
        p.put("subtitle", orEmpty(summary.subtitle()));
        p.put("issuer", orEmpty(summary.issuer()));
        p.put("placeAndDate", orEmpty(summary.placeAndDate()));
        p.put("tables", tables);
        p.put("notes", summary.notes());
        p.put("signatories", signatureBlock(summary));
        return new RenderRequest(TEMPLATE, summary.title(), p, List.of());
    }

    /**
     * The rows of the signature block, one per step in order, blank where the request names nobody (as the
     * form prints them); none when the request gives no signatories, so such a PDF is unchanged.
     */
    private static List<Map<String, Object>> signatureBlock(BudgetSummary summary) {
        if (summary.signatories().isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Signatory.Role role : Signatory.Role.values()) {
            Signatory signatory = summary.signatory(role);
            rows.add(Map.of(
                    "role",
                    role.name(),
                    "label",
                    role.label(),
                    "name",
                    signatory.name(),
                    "position",
                    signatory.position()));
        }
        return rows;
    }

    static String fileName(BudgetSummary summary, String extension) {
        return SafeFileName.of(extension, "Presupuesto", summary.title());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
