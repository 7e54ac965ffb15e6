package io.sello.rendering.jasper;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.PdfWriter;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.SourceAttachment;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.util.JRTextAttribute;
import net.sf.jasperreports.pdf.AbstractPdfTextRenderer;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.PdfTextRenderer;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPdfWriter;
import net.sf.jasperreports.pdf.common.PdfDocumentWriter;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfTextRendererContext;

import java.awt.font.TextAttribute;
import java.io.OutputStream;
import java.text.AttributedCharacterIterator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JasperReports' PDF exporter with the deflate level of OpenPDF's writer set
 * ({@code sello.rendering.compression-level}). JasperReports has no setting for it: its exporter only
 * switches compression on or off, and OpenPDF then deflates every page and font subset at zlib's level 6,
 * which was about a tenth of a form's render time (docs/benchmarks.md).
 *
 * <p>The same hook registers {@link SourceAttachment} on the writer: the request's JSON as the PDF's source data and
 * the PDF/A-3b XMP metadata. JasperReports 7.0.6 has no setting for associated files, and its PDF/A-3 metadata
 * needs Adobe's XMP library (without it the exporter writes OpenPDF's packet, which has no {@code pdfaid}).
 */
final class LeveledPdfExporter extends JRPdfExporter {
    private final int compressionLevel;
    private final RenderRequest request;
    private final boolean embedSource;
    private final ReusedLayoutTextRenderer.Layouts layouts;

    /**
     * @param request the document's request, whose JSON is embedded when {@code embedSource}
     * @param reuseTextLayouts whether a text that recurs in the document is drawn from its first layout
     *     ({@link ReusedLayoutTextRenderer}); off only to show, in a test, that the output is the same either way
     */
    LeveledPdfExporter(
            JasperReportsContext context,
            int compressionLevel,
            RenderRequest request,
            boolean embedSource,
            boolean reuseTextLayouts) {
        super(context);
        this.compressionLevel = compressionLevel;
        this.request = request;
        this.embedSource = embedSource;
        this.layouts = reuseTextLayouts ? new ReusedLayoutTextRenderer.Layouts() : null;
    }

    /** Texts this export drew from a layout it had made for the same text earlier; 0 when reuse is off. */
    int reusedTextLayouts() {
        return layouts == null ? 0 : layouts.reused();
    }

    @Override
    protected PdfProducer createPdfProducer() {
        return new ClassicPdfProducer(createPdfProducerContext()) {
            @Override
            public PdfDocumentWriter createWriter(OutputStream out) throws JRException {
                PdfDocumentWriter writer = super.createWriter(out);
                PdfWriter pdf = ((ClassicPdfWriter) writer).getPdfWriter();
                pdf.setCompressionLevel(compressionLevel);
                SourceAttachment.register(pdf, request, embedSource, compressionLevel);
                return writer;
            }

            /**
             * JasperReports' own choice, except that its AWT renderer for untagged documents is the one that reuses
             * the layouts of recurring texts: the same class with the same settings underneath.
             */
            @Override
            public AbstractPdfTextRenderer getTextRenderer(PdfTextRendererContext textContext) {
                AbstractPdfTextRenderer renderer = super.getTextRenderer(textContext);
                if (layouts == null
                        || renderer.getClass() != PdfTextRenderer.class
                        || getContext().isTagged()) {
                    return renderer;
                }
                return new ReusedLayoutTextRenderer(
                        getContext().getJasperReportsContext(),
                        textContext.getAwtIgnoreMissingFont(),
                        textContext.getIndentFirstLine(),
                        textContext.getJustifyLastLine(),
                        layouts);
            }

            /**
             * The exporter asks for the font of every chunk of every text, about 1,800 times for Formulario N.5.B,
             * and each time JasperReports looks the family up in its font extensions and OpenPDF's font factory
             * builds a new {@link Font} (about 7 % of the form's render, docs/benchmarks.md, issue 19 point 3).
             * The answer depends only on the text attributes and the locale, and the form has a handful of
             * distinct ones, so this document's writer keeps them: one exporter, and so this cache, per render,
             * never shared between threads.
             */
            private final Map<FontKey, Font> fonts = new HashMap<>();

            @Override
            public Font getFont(Map<AttributedCharacterIterator.Attribute, Object> attributes, Locale locale) {
                FontKey key = FontKey.of(attributes, locale);
                Font font = fonts.get(key);
                if (font == null) {
                    font = super.getFont(attributes, locale);
                    SourceAttachment.withoutCidSet(font.getBaseFont());
                    fonts.put(key, font);
                }
                return font;
            }
        };
    }

    /**
     * What JasperReports 7.0.6 derives a PDF font from ({@code JRPdfExporter.setFont} and the {@code JRBaseFont} it
     * makes of the attributes): these attributes' values and the locale. Only these are read, not the whole map: the
     * map is a view of the text's {@code AttributedString}, whose {@code hashCode} and {@code equals} rebuild its entry
     * set at every call, which cost more than the lookup saved.
     */
    private record FontKey(List<Object> values, Locale locale) {
        private static final AttributedCharacterIterator.Attribute[] READ = {
            TextAttribute.FAMILY,
            TextAttribute.WEIGHT,
            TextAttribute.POSTURE,
            TextAttribute.SIZE,
            TextAttribute.UNDERLINE,
            TextAttribute.STRIKETHROUGH,
            TextAttribute.FOREGROUND,
            TextAttribute.SUPERSCRIPT,
            JRTextAttribute.PDF_FONT_NAME,
            JRTextAttribute.PDF_ENCODING,
            JRTextAttribute.IS_PDF_EMBEDDED,
            JRTextAttribute.FONT_INFO
        };

        static FontKey of(Map<AttributedCharacterIterator.Attribute, Object> attributes, Locale locale) {
            Object[] values = new Object[READ.length];
            for (int i = 0; i < READ.length; i++) {
                values[i] = attributes.get(READ[i]);
            }
            return new FontKey(Arrays.asList(values), locale);
        }
    }
}
