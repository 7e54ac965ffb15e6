package io.sello.rendering.jasper;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPdfWriter;
import net.sf.jasperreports.pdf.common.PdfDocumentWriter;
import net.sf.jasperreports.pdf.common.PdfProducer;

import java.io.OutputStream;

/**
 * JasperReports' PDF exporter with the deflate level of OpenPDF's writer set
 * ({@code sello.rendering.compression-level}). JasperReports has no setting for it: its exporter only
 * switches compression on or off, and OpenPDF then deflates every page and font subset at zlib's level 6,
 * which was about a tenth of a form's render time (docs/benchmarks.md).
 */
final class LeveledPdfExporter extends JRPdfExporter {
    private final int compressionLevel;

    LeveledPdfExporter(JasperReportsContext context, int compressionLevel) {
        super(context);
        this.compressionLevel = compressionLevel;
    }

    @Override
    protected PdfProducer createPdfProducer() {
        return new ClassicPdfProducer(createPdfProducerContext()) {
            @Override
            public PdfDocumentWriter createWriter(OutputStream out) throws JRException {
                PdfDocumentWriter writer = super.createWriter(out);
                ((ClassicPdfWriter) writer).getPdfWriter().setCompressionLevel(compressionLevel);
                return writer;
            }
        };
    }
}
