package io.sello.rendering.jasper;

import io.sello.rendering.Anchor;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.RenderedPdf;
import io.sello.rendering.RenderingException;
import io.sello.rendering.RenderingProperties;
import io.sello.rendering.TemplateId;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/** The JasperReports engine: precompiled JRXML, filled from maps, exported by OpenPDF. */
public final class JasperDocumentRenderer implements DocumentRenderer {
    private static final String ANCHOR = "anchor:";
    private final JasperReportsContext context;
    private final JasperTemplates templates;
    private final RenderingProperties settings;

    public JasperDocumentRenderer(RenderingProperties settings) {
        this.context = DefaultJasperReportsContext.getInstance();
        this.settings = settings;
        this.templates = new JasperTemplates(context);
        BundledFonts.require(context, settings.fontFamily());
    }

    @Override
    public void prepare(TemplateId template) {
        templates.get(template);
    }

    @Override
    public byte[] render(List<RenderRequest> parts) {
        List<Filled> filled = new ArrayList<>();
        try {
            for (RenderRequest part : parts) {
                filled.add(fill(part, virtualized(part)));
            }
            return export(filled.stream().map(Filled::print).toList(), parts.get(0));
        } finally {
            filled.forEach(Filled::close);
        }
    }

    @Override
    public RenderedPdf renderWithAnchors(RenderRequest request) {
        try (Filled filled = fill(request, virtualized(request))) {
            byte[] pdf = export(List.of(filled.print()), request);
            return new RenderedPdf(pdf, anchors(filled.print()));
        }
    }

    /** Whether this request is large enough to fill through a swap file (sello.rendering.virtualize-from-rows). */
    private boolean virtualized(RenderRequest request) {
        return request.rows().size() >= settings.virtualizeFromRows();
    }

    /** Elements keyed {@code anchor:<name>}: their place on the filled page, turned into PDF user space. */
    private static List<Anchor> anchors(JasperPrint print) {
        List<Anchor> anchors = new ArrayList<>();
        for (int p = 0; p < print.getPages().size(); p++) {
            for (JRPrintElement element : print.getPages().get(p).getElements()) {
                String key = element.getKey();
                if (key != null && key.startsWith(ANCHOR)) {
                    anchors.add(new Anchor(
                            key.substring(ANCHOR.length()),
                            p + 1,
                            element.getX(),
                            print.getPageHeight() - element.getY() - element.getHeight(),
                            element.getWidth(),
                            element.getHeight()));
                }
            }
        }
        return anchors;
    }

    /** Fill only, never virtualized; exposed for the engine benchmark. */
    public JasperPrint fill(RenderRequest request) {
        return fill(request, false).print();
    }

    /**
     * Fills the request, through a swap file when {@code virtualized}. The caller closes the result once
     * the PDF is written: that deletes the swap file.
     */
    Filled fill(RenderRequest request, boolean virtualized) {
        JasperTemplates.CompiledTemplate template = templates.get(request.template());
        Map<String, Object> parameters = new HashMap<>(request.parameters());
        // Locale and zone are passed explicitly, never inherited from the host (also to subreports,
        // which the templates forward from these two parameters).
        parameters.put(JRParameter.REPORT_LOCALE, settings.reportLocale());
        parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(settings.reportTimeZone()));
        parameters.putAll(template.subreports());
        SwapSpace swap = virtualized ? new SwapSpace(context, settings.swapPath(), settings.virtualizerPages()) : null;
        try {
            if (swap != null) {
                // Lists and subreports fill into the same virtualization context as the report that contains them.
                parameters.put(JRParameter.REPORT_VIRTUALIZER, swap.virtualizer());
            }
            // A view, not a copy: rows made on demand (RenderRequest.rowsOnDemand) must stay on demand.
            JRMapCollectionDataSource rows =
                    new JRMapCollectionDataSource(Collections.<Map<String, ?>>unmodifiableList(request.rows()));
            JasperPrint print = JasperFillManager.getInstance(context).fill(template.main(), parameters, rows);
            if (swap != null) {
                swap.filled();
            }
            return new Filled(print, swap);
        } catch (JRException | RuntimeException e) {
            if (swap != null) {
                swap.close();
            }
            throw new RenderingException("template " + request.template() + " could not be filled", e);
        }
    }

    /** Export only; exposed for the engine benchmark. */
    public byte[] export(JasperPrint print, RenderRequest request) {
        return export(List.of(print), request);
    }

    /** @param whole the request of the first print: its title and, when embedding is on, its JSON */
    private byte[] export(List<JasperPrint> prints, RenderRequest whole) {
        return export(prints, whole, exporter(whole, true));
    }

    /** This renderer's PDF exporter for one document; {@code reuseTextLayouts} is off only in a test. */
    LeveledPdfExporter exporter(RenderRequest whole, boolean reuseTextLayouts) {
        return new LeveledPdfExporter(
                context, settings.compressionLevel(), whole, settings.embedSource(), reuseTextLayouts);
    }

    byte[] export(List<JasperPrint> prints, RenderRequest whole, JRPdfExporter exporter) {
        String title = whole.title();
        exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
        PdfBuffer out = new PdfBuffer();
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(title);
        configuration.setMetadataCreator("Sello");
        // No "full compression": its cross-reference and object streams were not allowed in PDF/A-1
        // (ISO 19005-1, 6.1.4), and PDF/A-3 readers gain nothing from them here. Page content streams are compressed
        // all the same.
        configuration.setCompressed(false);
        configuration.setDisplayMetadataTitle(true);
        // PDF/A-3b: archival copies that stay readable, with every font embedded and an sRGB output intent, and
        // that may carry the request's JSON as an associated file (LeveledPdfExporter, SourceAttachment).
        configuration.setPdfaConformance(PdfaConformanceEnum.PDFA_3B);
        configuration.setIccProfilePath(SrgbProfile.path());
        exporter.setConfiguration(configuration);
        try {
            exporter.exportReport();
        } catch (JRException | RuntimeException e) {
            throw new RenderingException("the PDF could not be written", e);
        }
        return out.toByteArray();
    }

    /** A filled document and, when it was virtualized, the swap file its pages live in until closed. */
    record Filled(JasperPrint print, SwapSpace swap) implements AutoCloseable {
        @Override
        public void close() {
            if (swap != null) {
                swap.close();
            }
        }
    }
}
