package io.sello.amendment;

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
import io.sello.plan.PlanAnnex;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.Engines;
import io.sello.rendering.RenderRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An amendment (Enmienda) to a cooperation agreement, rendered through the HTML engine. */
@Catalogued(position = 20)
final class AgreementAmendmentType extends BudgetedDocumentPipeline<AgreementAmendment> {
    public static final DocumentTypeId ID = new DocumentTypeId("agreement-amendment");

    private final DocumentRenderer renderer;
    /** The annex's budget tables report as in budget-summary; the rest names the faulty field inside a oneOf. */
    private final IntendedForms forms = new IntendedForms(jsonSchema(), Set.of("/$defs/budgetTable"));

    public AgreementAmendmentType(Engines engines) {
        this(engines.html());
    }

    /** With one engine, for tests and benchmarks that record or replace it. */
    public AgreementAmendmentType(DocumentRenderer htmlRenderer) {
        super(
                ID,
                "schemas/agreement-amendment.schema.json",
                "examples/agreement-amendment/pcc-peru-2008.json",
                List.of(AmendmentLayout.TEMPLATE, PlanAnnex.TEMPLATE)); // the annex's files make the version too
        this.renderer = htmlRenderer;
        htmlRenderer.prepare(AmendmentLayout.TEMPLATE);
        PlanAnnex.prepare(htmlRenderer);
    }

    @Override
    public String title() {
        return "Enmienda a un acuerdo de cooperación";
    }

    @Override
    public String description() {
        return "Enmienda a un acuerdo de cooperación: partes y sus representantes, proyecto y vigencia, artículos"
                + " numerados con las cláusulas que modifican, importes en cifras y en letras, lugar y fecha de firma y un"
                + " bloque de firma por parte; con el Plan Operativo anexo si se adjunta. PDF A4.";
    }

    @Override
    protected AgreementAmendment bind(byte[] json, SchemaCheck contract, InputFindings findings) {
        AmendmentRequest request = forms.bind(json, contract, AmendmentRequest.class, findings);
        return request == null ? null : AmendmentRules.check(request, findings);
    }

    /** The budgets of the Plan Operativo annex, when one is attached; the amendment itself computes nothing. */
    @Override
    protected ReconciledBudgets compute(AgreementAmendment amendment) {
        return amendment.annex() == null
                ? ReconciledBudgets.NONE
                : amendment.annex().budgets();
    }

    @Override
    protected RenderedDocument layOut(
            AgreementAmendment amendment,
            ReconciledBudgets budgets,
            byte[] json,
            RenderOptions options,
            List<Warning> warnings) {
        List<RenderRequest> parts = new ArrayList<>();
        parts.add(AmendmentLayout.of(amendment).withSource(json)); // the whole request, annex included
        if (amendment.annex() != null) {
            parts.add(amendment.annex().layout());
        }
        return RenderedDocument.pdf(renderer.render(parts), AmendmentLayout.fileName(amendment), warnings);
    }

    /**
     * "ENMIENDA AL ACUERDO", the parties ("LA CONFEDERACION SUIZA y LA REPUBLICA DEL PERU"), the project and its
     * phase, and the date of signing.
     */
    @Override
    protected DocumentSummary summarize(AgreementAmendment a) {
        return new DocumentSummary(
                DocumentSummary.joined(" ", a.title(), a.instrument()),
                String.join(" y ", a.parties().stream().map(Party::name).toList()),
                DocumentSummary.joined(", ", a.project().name(), a.project().phase()),
                DocumentSummary.joined(
                        ", ",
                        a.signing().place(),
                        DocumentSummary.day(a.signing().date())));
    }
}
