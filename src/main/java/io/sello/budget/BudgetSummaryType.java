package io.sello.budget;

import io.sello.document.Catalogued;
import io.sello.document.DocumentSummary;
import io.sello.document.DocumentTypeId;
import io.sello.document.InputFindings;
import io.sello.document.OutputFormat;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SchemaCheck;
import io.sello.document.SignatureSlot;
import io.sello.document.Warning;
import io.sello.input.RequestBinding;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.Engines;
import io.sello.rendering.RenderedPdf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Multi-year, multi-currency budget tables, computed and reconciled; PDF, XLSX or CSV. */
@Catalogued(position = 40)
final class BudgetSummaryType extends BudgetedDocumentPipeline<BudgetSummary> {
    public static final DocumentTypeId ID = new DocumentTypeId("budget-summary");
    private static final Set<OutputFormat> FORMATS = Set.of(OutputFormat.PDF, OutputFormat.XLSX, OutputFormat.CSV);

    /** The FIRMA cells of the signature block are elements with ids {@code firma-<STEP>} in the template. */
    private static final String SIGNATURE_ANCHOR = "firma-";

    private final DocumentRenderer renderer;

    public BudgetSummaryType(Engines engines) {
        this(engines.html());
    }

    /** With one engine, for tests and benchmarks that record or replace it. */
    public BudgetSummaryType(DocumentRenderer htmlRenderer) {
        super(ID, "schemas/budget-summary.schema.json", "examples/budget-summary/resumen-subproyectos.json");
        this.renderer = htmlRenderer;
        htmlRenderer.prepare(BudgetSummaryLayout.TEMPLATE);
    }

    @Override
    public String title() {
        return "Resumen de presupuesto";
    }

    @Override
    public String description() {
        return "Tablas de presupuesto por año, período o moneda: el servicio calcula las conversiones al tipo de"
                + " cambio indicado, las fórmulas entre columnas, las sumas por fila, los grupos, subtotales y totales, y"
                + " concilia cada cifra declarada (redondeo o error). Una cifra declarada que difiere solo por redondeo se"
                + " imprime como en el papel original, salvo con \"figures\": \"computed\"; una tabla puede redondear solo"
                + " al imprimir (\"rounding\": \"display\"). PDF (A4 horizontal, con gráfico de barras opcional por tabla),"
                + " Excel (XLSX) con fórmulas reales, o CSV.";
    }

    @Override
    public Set<OutputFormat> formats() {
        return FORMATS;
    }

    @Override
    protected BudgetSummary bind(byte[] json, SchemaCheck contract, InputFindings findings) {
        BudgetSummaryRequest request = RequestBinding.bind(json, contract, BudgetSummaryRequest.class, findings);
        return request == null ? null : BudgetSummaryRules.check(request, findings);
    }

    @Override
    protected ReconciledBudgets compute(BudgetSummary summary) {
        return reconcile(summary);
    }

    /** A PDF with signatories reports where each FIRMA cell is, for the sign-off steps; XLSX and CSV carry no signatures. */
    @Override
    protected RenderedDocument layOut(
            BudgetSummary summary,
            ReconciledBudgets budgets,
            byte[] json,
            RenderOptions options,
            List<Warning> warnings) {
        String fileName = BudgetSummaryLayout.fileName(summary, options.format().extension());
        if (options.format() == OutputFormat.PDF && !summary.signatories().isEmpty()) {
            RenderedPdf pdf = renderer.renderWithAnchors(
                    BudgetSummaryLayout.of(summary, budgets).withSource(json));
            List<SignatureSlot> slots = pdf.anchors().stream()
                    .filter(a -> a.name().startsWith(SIGNATURE_ANCHOR))
                    .map(a -> new SignatureSlot(
                            a.name().substring(SIGNATURE_ANCHOR.length()),
                            a.page(),
                            a.x(),
                            a.y(),
                            a.width(),
                            a.height()))
                    .toList();
            return new RenderedDocument(pdf.pdf(), OutputFormat.PDF, fileName, warnings, slots);
        }
        byte[] content = switch (options.format()) {
            case PDF -> renderer.render(BudgetSummaryLayout.of(summary, budgets).withSource(json));
            case XLSX -> BudgetWorkbook.write(summary, budgets);
            case CSV -> BudgetCsv.write(budgets);
        };
        return new RenderedDocument(content, options.format(), fileName, warnings);
    }

    static ReconciledBudgets reconcile(BudgetSummary summary) {
        Map<String, BudgetTable> tables = new LinkedHashMap<>();
        for (int i = 0; i < summary.tables().size(); i++) {
            tables.put(BudgetSummary.pointer(i), summary.tables().get(i));
        }
        return ReconciledBudgets.of(tables, summary.figures());
    }

    /** Title, issuer, subtitle and place and date, each as the request gives it (all but the title optional). */
    @Override
    protected DocumentSummary summarize(BudgetSummary s) {
        return new DocumentSummary(
                s.title().isBlank() ? title() : s.title(), s.issuer(), s.subtitle(), s.placeAndDate());
    }
}
