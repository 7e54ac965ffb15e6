package io.sello.rendering.html;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfICCBased;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.RenderingException;
import io.sello.rendering.SourceAttachment;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PDFCreationListener;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;

/**
 * Makes an OpenPDF writer produce PDF/A-3b (ISO 19005-3): the JDK's sRGB profile as output intent, and {@link SourceAttachment} for the request's JSON and the part 3 XMP
 * metadata. Used for Flying Saucer's output and for the copy that joins an amendment with its annex, so that every
 * stored document is archival and carries its data.
 */
final class PdfA {
    private PdfA() {}

    /**
     * Before the document opens: the version. OpenPDF's PDF/A-1 conformance mode ({@code PdfWriter.PDFA1B}) is not
     * switched on: it would write a {@code /CIDSet} for every font, which PDF/A-3 refuses as OpenPDF writes it
     * ({@link SourceAttachment#withoutCidSet}); veraPDF checks the output instead (PdfaTest).
     */
    static void beforeOpen(PdfWriter writer) {
        writer.setPdfVersion(PdfWriter.VERSION_1_4);
    }

    /** Once it is open (its body exists): the output intent. The XMP metadata is written when it closes. */
    static void afterOpen(PdfWriter writer) {
        outputIntent(writer);
    }

    /**
     * The sRGB output intent with {@code /S /GTS_PDFA1}, the subtype every part of PDF/A uses. OpenPDF's
     * {@code setOutputIntents} writes that subtype only in its PDF/A-1 mode, which {@link #beforeOpen} leaves off,
     * so the dictionary is written here.
     */
    private static void outputIntent(PdfWriter writer) {
        try {
            PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
            intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString("sRGB IEC61966-2.1"));
            intent.put(PdfName.INFO, new PdfString("sRGB IEC61966-2.1"));
            intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
            intent.put(PdfName.S, PdfName.GTS_PDFA1);
            PdfICCBased profile = new PdfICCBased(ICC_Profile.getInstance(ColorSpace.CS_sRGB));
            intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(profile).getIndirectReference());
            writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
        } catch (IOException e) {
            throw new RenderingException("the sRGB output intent could not be written", e);
        }
    }

    /**
     * Prepares Flying Saucer's writer before it opens the document; the deflate level
     * ({@code sello.rendering.compression-level}) is set there too, as it is the only hook before the
     * first stream is written.
     *
     * @param embed whether {@code request}'s JSON goes into this PDF: not into a part that is joined with others
     *              afterwards ({@link PdfParts} embeds it into the whole)
     */
    static PDFCreationListener listener(int compressionLevel, RenderRequest request, boolean embed) {
        return new PDFCreationListener() {
            @Override
            public void preOpen(ITextRenderer renderer) {
                beforeOpen(renderer.getWriter());
                renderer.getWriter().setCompressionLevel(compressionLevel);
                // Its onCloseDocument runs inside doc.close(), after Flying Saucer has set the title from <title>
                // (after the pages), so the XMP it writes repeats the final document information.
                SourceAttachment.register(renderer.getWriter(), request, embed, compressionLevel);
            }

            @Override
            public void preWrite(ITextRenderer renderer, int pageCount) {
                outputIntent(renderer.getWriter());
            }

            @Override
            public void onClose(ITextRenderer renderer) {
                // nothing: the XMP metadata is written by SourceAttachment, inside the document's close
            }
        };
    }
}
