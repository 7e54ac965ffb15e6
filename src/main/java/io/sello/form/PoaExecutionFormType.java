package io.sello.form;

import io.sello.document.Catalogued;
import io.sello.document.ComputedFigure;
import io.sello.document.DocumentPipeline;
import io.sello.document.DocumentSummary;
import io.sello.document.DocumentTypeId;
import io.sello.document.InputError;
import io.sello.document.InputFindings;
import io.sello.document.OutputFormat;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SchemaCheck;
import io.sello.document.SignatureSlot;
import io.sello.document.TotalMismatch;
import io.sello.document.Warning;
import io.sello.input.JsonPointers;
import io.sello.input.RequestBinding;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.Engines;
import io.sello.rendering.FormFieldFonts;
import io.sello.rendering.RenderedPdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Formulario N.5.B, Seguimiento a la Ejecución Financiera, of the annual operations plan (POA). */
@Catalogued(position = 10)
final class PoaExecutionFormType extends DocumentPipeline<PoaExecutionForm, ComputedForm> {
    public static final DocumentTypeId ID = new DocumentTypeId("poa-execution-form");
    /** The FIRMA cells of the signature block are anchors named {@code signature-<ROLE>} in the JRXML. */
    private static final String SIGNATURE_ANCHOR = "signature-";

    private final DocumentRenderer renderer;

    public PoaExecutionFormType(Engines engines) {
        this(engines.jasper());
    }

    /** With one engine, for tests and benchmarks that record or replace it. */
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

    /** The schema judges the shape; {@link PoaFormRules} what it cannot say (real dates, repeated groups and roles). */
    @Override
    protected PoaExecutionForm bind(byte[] json, SchemaCheck contract, InputFindings findings) {
        PoaFormRequest request = RequestBinding.bind(json, contract, PoaFormRequest.class, findings);
        return request == null ? null : PoaFormRules.check(request, findings);
    }

    @Override
    protected ComputedForm compute(PoaExecutionForm form) {
        return ComputedForm.of(form);
    }

    /** Every total of the form is exact to the cent (see DeclaredTotalsCheck). */
    @Override
    protected List<TotalMismatch> mismatches(ComputedForm computed) {
        return DeclaredTotalsCheck.check(computed);
    }

    @Override
    protected List<InputError> unprintable(ComputedForm computed) {
        return PrintableFigures.unprintable(computed);
    }

    @Override
    protected List<ComputedFigure> figures(ComputedForm computed) {
        return FormFigures.of(computed);
    }

    @Override
    protected List<Warning> warnings(ComputedForm computed) {
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < computed.activities().size(); i++) {
            if (computed.activities().get(i).executionPercent().isEmpty()) {
                warnings.add(new Warning(
                        JsonPointers.child("/activities", i),
                        "executed-without-programme",
                        "money was executed but nothing was programmed; % ejecución is printed as "
                                + PoaFormLayout.NOT_APPLICABLE));
            }
        }
        return warnings;
    }

    @Override
    protected RenderedDocument layOut(
            PoaExecutionForm form, ComputedForm computed, byte[] json, RenderOptions options, List<Warning> warnings) {
        RenderedPdf pdf = renderer.renderWithAnchors(PoaFormLayout.of(computed).withSource(json));
        List<SignatureSlot> slots = pdf.anchors().stream()
                .filter(a -> a.name().startsWith(SIGNATURE_ANCHOR))
                .map(a -> new SignatureSlot(
                        a.name().substring(SIGNATURE_ANCHOR.length()), a.page(), a.x(), a.y(), a.width(), a.height()))
                .toList();
        return new RenderedDocument(
                pdf.pdf(), OutputFormat.PDF, PoaFormLayout.fileName(form.header()), warnings, slots);
    }

    /**
     * The title block of the form: its title ("SEGUIMIENTO A LA EJECUCION FINANCIERA - MES DE JULIO"), the institution
     * and the entity's acronym, the form code and the plan ("FORMULARIO N.5.B · ANTEPROYECTO POA 2020") and the
     * cut-off date.
     */
    @Override
    protected DocumentSummary summarize(PoaExecutionForm form) {
        FormHeader h = form.header();
        return new DocumentSummary(
                h.formTitle(),
                DocumentSummary.joined(" — ", h.institution(), h.acronym()),
                DocumentSummary.joined(" · ", h.formCode(), h.planLabel()),
                DocumentSummary.day(h.cutOffDate()));
    }

    /** The Formulario N.5.B with nothing in it, laid out by the same template as a rendered one (see PoaFormLayout#blank). */
    @Override
    public boolean hasBlankForm() {
        return true;
    }

    @Override
    public Optional<byte[]> blankForm(int rows, boolean fillable) {
        byte[] pdf = renderer.render(PoaFormLayout.blank(rows, fillable));
        return Optional.of(fillable ? FormFieldFonts.standard(pdf) : pdf);
    }
}
