package io.sello;

import io.sello.amendment.AgreementAmendmentType;
import io.sello.budget.BudgetSummaryType;
import io.sello.document.DocumentTypes;
import io.sello.form.PoaExecutionFormType;
import io.sello.plan.OperationalPlanType;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.RenderingProperties;
import io.sello.rendering.html.HtmlDocumentRenderer;
import io.sello.rendering.jasper.JasperDocumentRenderer;

import java.util.List;

/**
 * Wires the engine and the document types by hand, so that the CLI gets exactly what the server
 * gets without starting Spring.
 */
public final class Sello {
    private Sello() {
    }

    public static DocumentRenderer jasperRenderer(RenderingProperties settings) {
        return new JasperDocumentRenderer(settings);
    }

    public static DocumentRenderer htmlRenderer(RenderingProperties settings) {
        return new HtmlDocumentRenderer(settings);
    }

    public static DocumentTypes documentTypes(DocumentRenderer jasper, DocumentRenderer html) {
        return new DocumentTypes(List.of(new PoaExecutionFormType(jasper), new AgreementAmendmentType(html),
                new OperationalPlanType(html), new BudgetSummaryType(html)));
    }

    /** Both engines with the given settings, as the CLI and the tests use them. */
    public static DocumentTypes documentTypes(RenderingProperties settings) {
        return documentTypes(jasperRenderer(settings), htmlRenderer(settings));
    }
}
