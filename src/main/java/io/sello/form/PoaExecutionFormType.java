package io.sello.form;

import io.sello.document.DocumentSummary;
import io.sello.document.BundledDocumentType;
import io.sello.document.DocumentTypeId;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.document.RenderOptions;
import io.sello.document.OutputFormat;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.rendering.RenderedPdf;
import io.sello.document.TotalMismatch;
import io.sello.document.TotalsMismatchException;
import io.sello.document.UnprintableFigureException;
import io.sello.document.ValidationReport;
import io.sello.document.Warning;
import io.sello.input.InputFindings;
import io.sello.input.JsonPointers;
import io.sello.rendering.DocumentRenderer;

import java.util.ArrayList;
import java.util.List;

/** Formulario N.5.B, Seguimiento a la Ejecución Financiera, of the annual operations plan (POA). */
public final class PoaExecutionFormType extends BundledDocumentType {
    public static final DocumentTypeId ID = new DocumentTypeId("poa-execution-form");
    /** The FIRMA cells of the signature block are anchors named {@code signature-<ROLE>} in the JRXML. */
    private static final String SIGNATURE_ANCHOR = "signature-";

    private final DocumentRenderer renderer;
    private final PoaFormReader reader = new PoaFormReader();

    public PoaExecutionFormType(DocumentRenderer renderer) {
        super(ID, "schemas/poa-execution-form.schema.json", "examples/poa-execution-form/senavex-2020-julio.json");
        this.renderer = renderer;
        renderer.prepare(PoaFormLayout.TEMPLATE);
    }

    @Override
    public String title() {
        return "Formulario N.5.B — Seguimiento a la Ejecución Financiera (POA)";
    }

    @Override
    public String description() {
        return "Seguimiento mensual de la ejecución financiera del plan operativo anual: actividades con su"
                + " presupuesto programado y ejecutado por grupo de gasto y fuente de financiamiento (T.G.N. y otras"
                + " fuentes), totales y % de ejecución calculados por el servicio, y las firmas Elaborado / Revisado /"
                + " Aprobado por. PDF horizontal (carta).";
    }

    @Override
    public ValidationReport validate(byte[] json) {
        InputFindings findings = new InputFindings();
        PoaExecutionForm form;
        try {
            form = reader.read(json, findings);
        } catch (InvalidInputException malformed) {
            return ValidationReport.ofErrors(malformed.errors());
        }
        if (form == null) {
            return new ValidationReport(findings.errors(), List.of(), findings.warnings());
        }
        ComputedForm computed = ComputedForm.of(form);
        return new ValidationReport(PrintableFigures.unprintable(computed), DeclaredTotalsCheck.check(computed),
                warnings(findings, computed), FormFigures.of(computed));
    }

    @Override
    public RenderedDocument render(byte[] json, RenderOptions options) {
        InputFindings findings = new InputFindings();
        PoaExecutionForm form = reader.read(json, findings);
        findings.throwIfErrors();
        ComputedForm computed = ComputedForm.of(form);
        List<InputError> unprintable = PrintableFigures.unprintable(computed);
        if (!unprintable.isEmpty()) {
            throw new UnprintableFigureException(unprintable);
        }
        List<Warning> warnings = warnings(findings, computed);
        List<TotalMismatch> mismatches = DeclaredTotalsCheck.check(computed);
        if (!mismatches.isEmpty()) {
            if (!options.lenient()) {
                throw new TotalsMismatchException(mismatches, warnings);
            }
            for (TotalMismatch mismatch : mismatches) {
                warnings.add(new Warning(mismatch.pointer(), "total-mismatch",
                        mismatch.describe() + "; the computed figure was printed"));
            }
        }
        RenderedPdf pdf = renderer.renderWithAnchors(PoaFormLayout.of(computed).withSource(json));
        List<SignatureSlot> slots = pdf.anchors().stream().filter(a -> a.name().startsWith(SIGNATURE_ANCHOR))
                .map(a -> new SignatureSlot(a.name().substring(SIGNATURE_ANCHOR.length()), a.page(), a.x(), a.y(), a.width(), a.height()))
                .toList();
        return new RenderedDocument(pdf.pdf(), OutputFormat.PDF, PoaFormLayout.fileName(form.header()), warnings, slots);
    }

    private static List<Warning> warnings(InputFindings findings, ComputedForm computed) {
        List<Warning> warnings = new ArrayList<>(findings.warnings());
        for (int i = 0; i < computed.activities().size(); i++) {
            if (computed.activities().get(i).executionPercent().isEmpty()) {
                warnings.add(new Warning(JsonPointers.child("/activities", i), "executed-without-programme",
                        "money was executed but nothing was programmed; % ejecución is printed as "
                                + PoaFormLayout.NOT_APPLICABLE));
            }
        }
        return warnings;
    }

    /**
     * The title block of the form: its title ("SEGUIMIENTO A LA EJECUCION FINANCIERA - MES DE JULIO"), the institution
     * and the entity's acronym, the form code and the plan ("FORMULARIO N.5.B · ANTEPROYECTO POA 2020") and the
     * cut-off date.
     */
    @Override
    public DocumentSummary summary(byte[] json) {
        return InputFindings.readQuietly(findings -> reader.read(json, findings)).map(form -> {
            FormHeader h = form.header();
            return new DocumentSummary(h.formTitle(), DocumentSummary.joined(" — ", h.institution(), h.acronym()),
                    DocumentSummary.joined(" · ", h.formCode(), h.planLabel()), DocumentSummary.day(h.cutOffDate()));
        }).orElseGet(() -> DocumentSummary.ofType(this));
    }

    /** The Formulario N.5.B with nothing in it, laid out by the same template as a rendered one (see PoaFormLayout#blank). */
    @Override
    public boolean hasBlankForm() {
        return true;
    }

    @Override
    public java.util.Optional<byte[]> blankForm(int rows, boolean fillable) {
        byte[] pdf = renderer.render(PoaFormLayout.blank(rows, fillable));
        return java.util.Optional.of(fillable ? io.sello.rendering.FormFieldFonts.standard(pdf) : pdf);
    }
}
