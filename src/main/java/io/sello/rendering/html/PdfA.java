package io.sello.rendering.html;

import com.lowagie.text.pdf.PdfWriter;
import io.sello.rendering.RenderingException;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PDFCreationListener;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;

/**
 * Makes an OpenPDF writer produce PDF/A-1b (ISO 19005-1): the conformance checks switched on, XMP
 * metadata, and the JDK's sRGB profile as output intent. Used for Flying Saucer's output and for the
 * copy that joins an amendment with its annex, so that every stored document is archival.
 */
final class PdfA {
    private PdfA() {
    }

    /** Before the document opens: the version and the conformance checks. */
    static void beforeOpen(PdfWriter writer) {
        writer.setPdfVersion(PdfWriter.VERSION_1_4);
        writer.setPDFXConformance(PdfWriter.PDFA1B);
    }

    /** Once it is open (its body exists) and its title is known: output intent and XMP metadata. */
    static void afterOpen(PdfWriter writer) {
        outputIntent(writer);
        writer.createXmpMetadata();
    }

    private static void outputIntent(PdfWriter writer) {
        try {
            writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                    ICC_Profile.getInstance(ColorSpace.CS_sRGB));
        } catch (IOException e) {
            throw new RenderingException("the sRGB output intent could not be written", e);
        }
    }

    /**
     * Prepares Flying Saucer's writer before it opens the document; the deflate level
     * ({@code sello.rendering.compression-level}) is set there too, as it is the only hook before the
     * first stream is written.
     */
    static PDFCreationListener listener(int compressionLevel) {
        return new PDFCreationListener() {
            @Override
            public void preOpen(ITextRenderer renderer) {
                beforeOpen(renderer.getWriter());
                renderer.getWriter().setCompressionLevel(compressionLevel);
            }

            @Override
            public void preWrite(ITextRenderer renderer, int pageCount) {
                outputIntent(renderer.getWriter());
            }

            @Override
            public void onClose(ITextRenderer renderer) {
                // Flying Saucer sets the title from <title> after the pages: the XMP must repeat it.
                renderer.getWriter().createXmpMetadata();
            }
        };
    }
}
