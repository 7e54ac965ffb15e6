package io.sello.plan;

import io.sello.budget.PrintedFigures;
import io.sello.budget.ReconciledBudgets;
import io.sello.input.JsonObject;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.TemplateId;

/**
 * An operational plan carried inside another document's request, such as the Plan Operativo annexed
 * to an amendment (seed 003). Same contract and same checks as the {@code operational-plan} type.
 */
public final class PlanAnnex {
    private final PlanModel.OperationalPlan plan;
    private final ReconciledBudgets budgets;

    private PlanAnnex(PlanModel.OperationalPlan plan) {
        this.plan = plan;
        this.budgets = PlanLayout.budgets(plan);
    }

    /**
     * Reads the annex field of {@code owner}; {@code null} when absent or broken (errors go to the owner's findings).
     *
     * @param figures the owner request's {@code "figures"} ({@code null} when refused)
     */
    public static PlanAnnex read(JsonObject owner, String field, PrintedFigures figures) {
        JsonObject annex = owner.object(field, JsonObject.Presence.OPTIONAL, PlanReader.FIELDS);
        if (annex == null) {
            return null;
        }
        PlanModel.OperationalPlan plan = new PlanReader().read(annex, figures);
        return plan == null ? null : new PlanAnnex(plan);
    }

    /** The annex's template: part of the owner type's template version (issue 18, point 3). */
    public static final TemplateId TEMPLATE = PlanLayout.TEMPLATE;

    /** Loads the annex template ahead of its first use. */
    public static void prepare(DocumentRenderer renderer) {
        renderer.prepare(PlanLayout.TEMPLATE);
    }

    /** The annex's budget tables, computed and reconciled: the owner reports and enforces them. */
    public ReconciledBudgets budgets() {
        return budgets;
    }

    public RenderRequest layout() {
        return PlanLayout.of(plan, budgets);
    }
}
