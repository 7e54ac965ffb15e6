package io.sello.budget;

import io.sello.document.ComputedFigure;
import io.sello.document.DocumentPipeline;
import io.sello.document.DocumentTypeId;
import io.sello.document.TotalMismatch;
import io.sello.document.Warning;
import io.sello.rendering.TemplateId;

import java.util.List;

/**
 * The pipeline of a type whose computed figures are its budget tables (budget summary, Plan Operativo, an amendment
 * with its annex): the reconciliation's mismatches, figures and rounding notes are the type's, in one place, so the
 * three types supply only how they read and lay out.
 *
 * @param <I> what the request says, as read and checked
 */
public abstract class BudgetedDocumentPipeline<I> extends DocumentPipeline<I, ReconciledBudgets> {

    protected BudgetedDocumentPipeline(DocumentTypeId id, String schemaPath, String examplePath) {
        super(id, schemaPath, examplePath);
    }

    /** @param templates every template the type renders with, its annexes' too: they all make its version */
    protected BudgetedDocumentPipeline(
            DocumentTypeId id, String schemaPath, String examplePath, List<TemplateId> templates) {
        super(id, schemaPath, examplePath, templates);
    }

    @Override
    protected final List<TotalMismatch> mismatches(ReconciledBudgets budgets) {
        return budgets.mismatches();
    }

    @Override
    protected final List<ComputedFigure> figures(ReconciledBudgets budgets) {
        return budgets.computedFigures();
    }

    @Override
    protected final List<Warning> printNotes(ReconciledBudgets budgets) {
        return budgets.roundingNotes();
    }

    @Override
    protected final String printedInsteadOfDeclared() {
        return ReconciledBudgets.PRINTED_INSTEAD_OF_DECLARED;
    }
}
