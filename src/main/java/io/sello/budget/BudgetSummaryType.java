package io.sello.budget;

import io.sello.document.DocumentSummary;
import io.sello.document.BundledDocumentType;
import io.sello.document.DocumentTypeId;
import io.sello.document.OutputFormat;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.document.ValidationReport;
import io.sello.document.Warning;
import io.sello.input.InputFindings;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.RenderedPdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Multi-year, multi-currency budget tables, computed and reconciled; PDF, XLSX or CSV. */
public final class BudgetSummaryType extends BundledDocumentType {
    public static final DocumentTypeId ID = new DocumentTypeId("budget-summary");
    private static final Set<OutputFormat> FORMATS = Set.of(OutputFormat.PDF, OutputFormat.XLSX, OutputFormat.CSV);

    /** The FIRMA cells of the signature block are elements with ids {@code firma-<STEP>} in the template. */
    private static final String SIGNATURE_ANCHOR = "firma-";

    private final DocumentRenderer renderer;

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
    public ValidationReport validate(byte[] json) {
        return InputFindings.check(findings -> BudgetSummaryReader.read(json, findings), summary -> {
            ReconciledBudgets budgets = reconcile(summary);
            return new ValidationReport(List.of(), budgets.mismatches(), List.of(), budgets.computedFigures());
        });
    }

    @Override
    public RenderedDocument render(byte[] json, RenderOptions options) {
        if (!FORMATS.contains(options.format())) {
            throw new IllegalArgumentException("budget-summary does not deliver " + options.format());
        }
        InputFindings findings = new InputFindings();
        BudgetSummary summary = BudgetSummaryReader.read(json, findings);
        findings.throwIfErrors();
        ReconciledBudgets budgets = reconcile(summary);
        List<Warning> warnings = new ArrayList<>(findings.warnings());
        budgets.enforce(options.lenient(), warnings);
        String fileName = BudgetSummaryLayout.fileName(summary, options.format().extension());
        if (options.format() == OutputFormat.PDF && !summary.signatories().isEmpty()) {
            RenderedPdf pdf = renderer.renderWithAnchors(BudgetSummaryLayout.of(summary, budgets).withSource(json));
            List<SignatureSlot> slots = pdf.anchors().stream().filter(a -> a.name().startsWith(SIGNATURE_ANCHOR))
                    .map(a -> new SignatureSlot(a.name().substring(SIGNATURE_ANCHOR.length()), a.page(), a.x(), a.y(),
                            a.width(), a.height()))
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
    public DocumentSummary summary(byte[] json) {
        return InputFindings.readQuietly(findings -> BudgetSummaryReader.read(json, findings)).map(s -> new DocumentSummary(
                s.title().isBlank() ? title() : s.title(), s.issuer(), s.subtitle(), s.placeAndDate()))
                .orElseGet(() -> DocumentSummary.ofType(this));
    }
}
