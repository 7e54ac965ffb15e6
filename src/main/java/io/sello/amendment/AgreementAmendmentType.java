package io.sello.amendment;

import io.sello.document.DocumentSummary;
import io.sello.document.BundledDocumentType;
import io.sello.document.DocumentTypeId;
import io.sello.document.Warning;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.ValidationReport;
import io.sello.input.InputFindings;
import io.sello.plan.PlanAnnex;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.RenderRequest;

import java.util.ArrayList;
import java.util.List;


/** An amendment (Enmienda) to a cooperation agreement, rendered through the HTML engine. */
public final class AgreementAmendmentType extends BundledDocumentType {
    public static final DocumentTypeId ID = new DocumentTypeId("agreement-amendment");

    private final DocumentRenderer renderer;
    private final AmendmentReader reader = new AmendmentReader();

    public AgreementAmendmentType(DocumentRenderer htmlRenderer) {
        super(ID, "schemas/agreement-amendment.schema.json", "examples/agreement-amendment/pcc-peru-2008.json",
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
    public ValidationReport validate(byte[] json) {
        return InputFindings.check(findings -> reader.read(json, findings), amendment -> amendment.annex() == null
                ? new ValidationReport(List.of(), List.of(), List.of())
                : new ValidationReport(List.of(), amendment.annex().budgets().mismatches(), List.of(),
                        amendment.annex().budgets().computedFigures()));
    }

    @Override
    public RenderedDocument render(byte[] json, RenderOptions options) {
        InputFindings findings = new InputFindings();
        AgreementAmendment amendment = reader.read(json, findings);
        findings.throwIfErrors();
        List<Warning> warnings = new ArrayList<>(findings.warnings());
        if (amendment.annex() != null) {
            amendment.annex().budgets().enforce(options.lenient(), warnings);
        }
        List<RenderRequest> parts = new ArrayList<>();
        parts.add(AmendmentLayout.of(amendment).withSource(json)); // the whole request, annex included
        if (amendment.annex() != null) {
            parts.add(amendment.annex().layout());
        }
        byte[] pdf = renderer.render(parts);
        return RenderedDocument.pdf(pdf, AmendmentLayout.fileName(amendment), warnings);
    }

    /**
     * "ENMIENDA AL ACUERDO", the parties ("LA CONFEDERACION SUIZA y LA REPUBLICA DEL PERU"), the project and its
     * phase, and the date of signing.
     */
    @Override
    public DocumentSummary summary(byte[] json) {
        return InputFindings.readQuietly(findings -> reader.read(json, findings)).map(a -> new DocumentSummary(
                DocumentSummary.joined(" ", a.title(), a.instrument()),
                String.join(" y ", a.parties().stream().map(Party::name).toList()),
                DocumentSummary.joined(", ", a.project().name(), a.project().phase()),
                DocumentSummary.joined(", ", a.signing().place(), DocumentSummary.day(a.signing().date()))))
                .orElseGet(() -> DocumentSummary.ofType(this));
    }
}
