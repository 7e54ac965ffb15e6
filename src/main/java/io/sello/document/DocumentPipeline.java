package io.sello.document;

import io.sello.rendering.TemplateId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one path every document type takes (issue 18, point 2): read → compute and reconcile → warnings → leniency →
 * layout and render. A type supplies only its parts: how it reads a request ({@code I}), what it computes from it
 * ({@code C}), which declared figures differ, and how it lays the result out. Checking a request ({@link #validate})
 * runs the same parts up to the layout, so a check and a render never disagree.
 *
 * @param <I> what the request says, as read and checked
 * @param <C> what the service computed from it (totals, percentages, reconciled budgets)
 */
public abstract class DocumentPipeline<I, C> extends BundledDocumentType {

    private final SchemaCheck contract;

    protected DocumentPipeline(DocumentTypeId id, String schemaPath, String examplePath) {
        super(id, schemaPath, examplePath);
        this.contract = new SchemaCheck(jsonSchema());
    }

    /** @param templates every template the type renders with, its annexes' too: they all make its version */
    protected DocumentPipeline(DocumentTypeId id, String schemaPath, String examplePath, List<TemplateId> templates) {
        super(id, schemaPath, examplePath, templates);
        this.contract = new SchemaCheck(jsonSchema());
    }

    /**
     * The request checked against {@code contract} and, when it passes, bound to the type's records
     * ({@code io.sello.input.RequestBinding}) and checked across fields; every error and warning goes into
     * {@code findings}. May return null when there are errors.
     */
    protected abstract I bind(byte[] json, SchemaCheck contract, InputFindings findings);

    /** The figures the service works out of a request that read without errors, declared ones reconciled. */
    protected abstract C compute(I input);

    /** Declared figures that differ from the computed ones; those classified as errors refuse a strict render. */
    protected abstract List<TotalMismatch> mismatches(C computed);

    /** Figures too wide for their printed cell: they refuse the document, lenient or not. */
    protected List<InputError> unprintable(C computed) {
        return List.of();
    }

    /** Figures the document prints, for the data-entry page to show beside their cells. */
    protected List<ComputedFigure> figures(C computed) {
        return List.of();
    }

    /** What the type notices in computed data (a check and a render both report it). */
    protected List<Warning> warnings(C computed) {
        return List.of();
    }

    /** What the printed document says beyond the mismatches (a render reports it, after the leniency rule). */
    protected List<Warning> printNotes(C computed) {
        return List.of();
    }

    /** What a lenient render prints where a declared figure is wrong, for its warning. */
    protected String printedInsteadOfDeclared() {
        return "the computed figure was printed";
    }

    /** Lays out the computed document and renders it in {@code options.format()}, which {@link #formats()} offers. */
    protected abstract RenderedDocument layOut(
            I input, C computed, byte[] json, RenderOptions options, List<Warning> warnings);

    /** Title, issuer, reference and date of a request that reads without errors. */
    protected abstract DocumentSummary summarize(I input);

    @Override
    public final ValidationReport validate(byte[] json) {
        InputFindings findings = new InputFindings();
        I input;
        try {
            input = readAgainstContract(json, findings);
        } catch (InvalidInputException malformed) {
            return ValidationReport.ofErrors(malformed.errors());
        }
        if (input == null || findings.hasErrors()) {
            return new ValidationReport(findings.errors(), List.of(), findings.warnings());
        }
        C computed = compute(input);
        List<Warning> warnings = new ArrayList<>(findings.warnings());
        warnings.addAll(warnings(computed));
        return new ValidationReport(unprintable(computed), mismatches(computed), warnings, figures(computed));
    }

    @Override
    public final RenderedDocument render(byte[] json, RenderOptions options) {
        if (!formats().contains(options.format())) {
            throw new IllegalArgumentException(id().value() + " does not deliver " + options.format());
        }
        InputFindings findings = new InputFindings();
        I input = readAgainstContract(json, findings);
        findings.throwIfErrors();
        C computed = compute(input);
        List<InputError> unprintable = unprintable(computed);
        if (!unprintable.isEmpty()) {
            throw new UnprintableFigureException(unprintable);
        }
        List<Warning> warnings = new ArrayList<>(findings.warnings());
        warnings.addAll(warnings(computed));
        applyLeniency(mismatches(computed), options.lenient(), warnings);
        warnings.addAll(printNotes(computed));
        return layOut(input, computed, json, options, warnings);
    }

    /**
     * A request read along the same path as {@link #validate} and {@link #render} take, for tests and tools that want
     * the type's input: {@code null} when {@code findings} holds errors.
     *
     * @throws InvalidInputException when the request is not well-formed JSON
     */
    public final I readRequest(byte[] json, InputFindings findings) {
        I input = readAgainstContract(json, findings);
        return findings.hasErrors() ? null : input;
    }

    /**
     * Strict JSON (well-formed, no duplicate keys), then the published schema; only a request the schema accepts is
     * bound to the type's records and checked across fields ({@link #bind}).
     */
    private I readAgainstContract(byte[] json, InputFindings findings) {
        return bind(json, contract, findings);
    }

    /**
     * The lenient rule, once for every type: a declared figure that differs beyond rounding refuses the document,
     * unless the client asked for leniency; then the computed figure is printed and a warning says which.
     */
    private void applyLeniency(List<TotalMismatch> mismatches, boolean lenient, List<Warning> warnings) {
        List<TotalMismatch> errors =
                mismatches.stream().filter(TotalMismatch::isError).toList();
        if (!errors.isEmpty() && !lenient) {
            throw new TotalsMismatchException(errors, warnings);
        }
        for (TotalMismatch error : errors) {
            warnings.add(new Warning(
                    error.pointer(), "total-mismatch", error.describe() + "; " + printedInsteadOfDeclared()));
        }
    }

    /** Never throws: data that no longer reads (an old record, say) gives {@link DocumentSummary#ofType}. */
    @Override
    public final DocumentSummary summary(byte[] json) {
        Optional<I> input = InputFindings.readQuietly(findings -> readAgainstContract(json, findings));
        return input.map(this::summarize).orElseGet(() -> DocumentSummary.ofType(this));
    }
}
