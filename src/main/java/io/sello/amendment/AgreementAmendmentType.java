package io.sello.amendment;

import io.sello.document.BundledDocumentType;
import io.sello.document.DocumentTypeId;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.ValidationReport;
import io.sello.input.InputFindings;
import io.sello.rendering.DocumentRenderer;


/** An amendment (Enmienda) to a cooperation agreement, rendered through the HTML engine. */
public final class AgreementAmendmentType extends BundledDocumentType {
    public static final DocumentTypeId ID = new DocumentTypeId("agreement-amendment");

    private final DocumentRenderer renderer;
    private final AmendmentReader reader = new AmendmentReader();

    public AgreementAmendmentType(DocumentRenderer htmlRenderer) {
        super(ID, "schemas/agreement-amendment.schema.json", "examples/agreement-amendment/pcc-peru-2008.json");
        this.renderer = htmlRenderer;
        htmlRenderer.prepare(AmendmentLayout.TEMPLATE);
    }

    @Override
    public String title() {
        return "Enmienda a un acuerdo de cooperación";
    }

    @Override
    public String description() {
        return "Amendment to a cooperation agreement: parties and representatives, project and validity, numbered"
                + " articles with the clauses they modify, amounts in figures and in Spanish words, place and date"
                + " of signing and one signature block per party. A4 PDF.";
    }

    @Override
    public ValidationReport validate(byte[] json) {
        return InputFindings.check(findings -> reader.read(json, findings));
    }

    @Override
    public RenderedDocument render(byte[] json, RenderOptions options) {
        InputFindings findings = new InputFindings();
        AgreementAmendment amendment = reader.read(json, findings);
        findings.throwIfErrors();
        byte[] pdf = renderer.render(AmendmentLayout.of(amendment));
        return new RenderedDocument(pdf, AmendmentLayout.fileName(amendment), findings.warnings());
    }
}
