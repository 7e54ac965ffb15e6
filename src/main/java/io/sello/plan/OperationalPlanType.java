package io.sello.plan;

import io.sello.document.DocumentSummary;
import io.sello.budget.ReconciledBudgets;
import io.sello.document.BundledDocumentType;
import io.sello.document.Warning;
import io.sello.document.DocumentTypeId;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.ValidationReport;
import io.sello.input.InputFindings;
import io.sello.plan.PlanModel.OperationalPlan;
import io.sello.rendering.DocumentRenderer;

import java.util.ArrayList;
import java.util.List;


/** A Plan Operativo (the annex of a cooperation agreement), rendered through the HTML engine. */
public final class OperationalPlanType extends BundledDocumentType {
    public static final DocumentTypeId ID = new DocumentTypeId("operational-plan");

    private final DocumentRenderer renderer;
    private final PlanReader reader = new PlanReader();

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
    public ValidationReport validate(byte[] json) {
        return InputFindings.check(findings -> reader.read(json, findings), plan -> {
            ReconciledBudgets budgets = PlanLayout.budgets(plan);
            return new ValidationReport(List.of(), budgets.mismatches(), List.of(), budgets.computedFigures());
        });
    }

    @Override
    public RenderedDocument render(byte[] json, RenderOptions options) {
        InputFindings findings = new InputFindings();
        OperationalPlan plan = reader.read(json, findings);
        findings.throwIfErrors();
        ReconciledBudgets budgets = PlanLayout.budgets(plan);
        List<Warning> warnings = new ArrayList<>(findings.warnings());
        budgets.enforce(options.lenient(), warnings);
        return RenderedDocument.pdf(renderer.render(PlanLayout.of(plan, budgets).withSource(json)), PlanLayout.fileName(plan), warnings);
    }

    /** The cover: title (or "Plan Operativo"), programme, period, and place and date in its own words. */
    @Override
    public DocumentSummary summary(byte[] json) {
        return InputFindings.readQuietly(findings -> reader.read(json, findings)).map(plan -> new DocumentSummary(
                plan.cover().title().isBlank() ? title() : plan.cover().title(), plan.cover().program(),
                plan.cover().period(), plan.cover().placeAndDate()))
                .orElseGet(() -> DocumentSummary.ofType(this));
    }
}
