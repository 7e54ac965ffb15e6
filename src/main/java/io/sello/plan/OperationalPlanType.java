package io.sello.plan;

import io.sello.budget.BudgetedDocumentPipeline;
import io.sello.budget.ReconciledBudgets;
import io.sello.document.Catalogued;
import io.sello.document.DocumentSummary;
import io.sello.document.DocumentTypeId;
import io.sello.document.InputFindings;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SchemaCheck;
import io.sello.document.Warning;
import io.sello.input.IntendedForms;
import io.sello.plan.PlanModel.OperationalPlan;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.Engines;

import java.util.List;
import java.util.Set;

/** A Plan Operativo (the annex of a cooperation agreement), rendered through the HTML engine. */
@Catalogued(position = 30)
final class OperationalPlanType extends BudgetedDocumentPipeline<OperationalPlan> {
    public static final DocumentTypeId ID = new DocumentTypeId("operational-plan");

    private final DocumentRenderer renderer;
    /** The budget tables report as in budget-summary; the plan's own alternatives name their faulty field. */
    private final IntendedForms forms = new IntendedForms(jsonSchema(), Set.of("/$defs/budgetTable"));

    public OperationalPlanType(Engines engines) {
        this(engines.html());
    }

    /** With one engine, for tests and benchmarks that record or replace it. */
    public OperationalPlanType(DocumentRenderer htmlRenderer) {
        super(ID, "schemas/operational-plan.schema.json", "examples/operational-plan/small-plan.json");
        this.renderer = htmlRenderer;
        htmlRenderer.prepare(PlanLayout.TEMPLATE);
    }

    @Override
    public String title() {
        return "Plan Operativo";
    }

    @Override
    public String description() {
        return "Plan operativo: portada, índice con los números de página reales, abreviaturas, secciones anidadas"
                + " con notas al pie, y tablas de todo tipo (resultados e indicadores con celdas combinadas, actividades,"
                + " presupuestos, cronograma). Las cabeceras de las tablas se repiten en cada página; cada sección es un"
                + " marcador del PDF. PDF A4.";
    }

    @Override
    protected OperationalPlan bind(byte[] json, SchemaCheck contract, InputFindings findings) {
        PlanRequest request = forms.bind(json, contract, PlanRequest.class, findings);
        return request == null ? null : PlanRules.check(request, "", request.figures(), findings);
    }

    @Override
    protected ReconciledBudgets compute(OperationalPlan plan) {
        return PlanLayout.budgets(plan);
    }

    @Override
    protected RenderedDocument layOut(
            OperationalPlan plan,
            ReconciledBudgets budgets,
            byte[] json,
            RenderOptions options,
            List<Warning> warnings) {
        return RenderedDocument.pdf(
                renderer.render(PlanLayout.of(plan, budgets).withSource(json)), PlanLayout.fileName(plan), warnings);
    }

    /** The cover: title (or "Plan Operativo"), programme, period, and place and date in its own words. */
    @Override
    protected DocumentSummary summarize(OperationalPlan plan) {
        return new DocumentSummary(
                plan.cover().title().isBlank() ? title() : plan.cover().title(),
                plan.cover().program(),
                plan.cover().period(),
                plan.cover().placeAndDate());
    }
}
