package io.sello.plan;

import io.sello.budget.PrintedFigures;
import io.sello.budget.ReconciledBudgets;
import io.sello.document.InputFindings;
import io.sello.input.RequestBinding;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.TemplateId;
import tools.jackson.databind.JsonNode;

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
     * The annex at {@code pointer} of a request that its schema accepted (which holds the plan's contract as the
     * annex's), bound and checked like an {@code operational-plan}; {@code null} when absent, or broken with its
     * errors in the owner's {@code findings}.
     *
     * @param figures the owner request's {@code "figures"}, which its budget tables print by
     */
    public static PlanAnnex bind(JsonNode annex, String pointer, PrintedFigures figures, InputFindings findings) {
        if (annex == null || annex.isNull()) {
            return null;
        }
        PlanRequest request = RequestBinding.bind(annex, pointer, PlanRequest.class, findings);
        PlanModel.OperationalPlan plan = request == null ? null : PlanRules.check(request, pointer, figures, findings);
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
