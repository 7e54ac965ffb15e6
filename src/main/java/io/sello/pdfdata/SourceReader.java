package io.sello.pdfdata;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.RandomAccessFileOrArray;
import io.sello.rendering.SourceAttachment;
import io.sello.signing.PdfLimits;
import io.sello.signing.PdfPrescan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON a Sello PDF carries as its source data (issue 17, point 4; written by {@link SourceAttachment}): the
 * embedded file that the catalog's {@code /AF} (or, failing that, its {@code /Names /EmbeddedFiles}) lists with
 * {@code /AFRelationship /Source} and {@code /Subtype application/json}. Only that file is read: the pages, their
 * text and any form fields are never looked at.
 *
 * <p>The PDF is untrusted: {@link PdfPrescan} enforces {@code sello.limits.pdf.*} on the raw bytes before OpenPDF
 * parses anything, and the attachment may not be larger than a JSON request may be ({@code sello.limits.max-body-size}),
 * checked on its declared and on its decoded length.
 */
final class SourceReader {
    private final PdfLimits limits;
    private final long maxBytes;

    /** @param maxBytes the largest attachment read, the largest JSON body the service accepts */
    public SourceReader(PdfLimits limits, long maxBytes) {
        this.limits = limits;
        this.maxBytes = maxBytes;
    }

    /**
     * @return the embedded JSON, or empty when the PDF carries no Sello data
     * @throws io.sello.signing.PdfRefusedException over one of {@code sello.limits.pdf.*}
     * @throws PdfDataRefusedException not a readable PDF, or an attachment over the limit
     */
    public Optional<byte[]> read(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw PdfDataRefusedException.unreadable();
        }
        PdfPrescan.check(pdf, limits);
        PdfReader reader;
        try {
            // partial: only the objects on the way to the attachment are parsed, never the pages
            reader = new PdfReader(new RandomAccessFileOrArray(pdf), null);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // the prescan stops the large allocations first, so what fails here is this request, not the service
            throw PdfDataRefusedException.unreadable();
        }
        try {
            for (PdfDictionary file : candidates(reader.getCatalog())) {
                Optional<byte[]> json = source(file);
                if (json.isPresent()) {
                    return json;
                }
            }
            return Optional.empty();
        } catch (PdfDataRefusedException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw PdfDataRefusedException.unreadable();
        } finally {
            reader.close();
        }
    }

    /** The file specifications of the catalog's /AF first, then those of the EmbeddedFiles name tree. */
    private static List<PdfDictionary> candidates(PdfDictionary catalog) {
        List<PdfDictionary> files = new ArrayList<>();
        PdfArray associated = catalog.getAsArray(PdfName.AF);
        if (associated != null) {
            for (int i = 0; i < associated.size(); i++) {
                PdfDictionary file = associated.getAsDict(i);
                if (file != null) {
                    files.add(file);
                }
            }
        }
        PdfDictionary names = catalog.getAsDict(PdfName.NAMES);
        PdfDictionary embedded = names == null ? null : names.getAsDict(PdfName.EMBEDDEDFILES);
        if (embedded != null) {
            collect(embedded, files, 0);
        }
        return files;
    }

    /** A name tree's leaves ({@code /Names [key spec …]}) under {@code /Kids}, at most a few levels deep. */
    private static void collect(PdfDictionary node, List<PdfDictionary> files, int depth) {
        if (depth > 8 || files.size() > 64) {
            return; // Sello writes one leaf; a deep or wide tree is not one of its files
        }
        PdfArray leaves = node.getAsArray(PdfName.NAMES);
        if (leaves != null) {
            for (int i = 1; i < leaves.size(); i += 2) {
                PdfDictionary file = leaves.getAsDict(i);
                if (file != null) {
                    files.add(file);
                }
            }
        }
        PdfArray kids = node.getAsArray(PdfName.KIDS);
        if (kids != null) {
            for (int i = 0; i < kids.size(); i++) {
                PdfDictionary kid = kids.getAsDict(i);
                if (kid != null) {
                    collect(kid, files, depth + 1);
                }
            }
        }
    }

    private Optional<byte[]> source(PdfDictionary file) throws IOException {
        if (!SourceAttachment.SOURCE.equals(file.getAsName(SourceAttachment.AF_RELATIONSHIP))) {
            return Optional.empty();
        }
        PdfDictionary ef = file.getAsDict(PdfName.EF);
        PdfObject stream = ef == null ? null : PdfReader.getPdfObject(ef.get(PdfName.F));
        if (!(stream instanceof PRStream data)) {
            return Optional.empty();
        }
        PdfName subtype = data.getAsName(PdfName.SUBTYPE);
        if (subtype == null || !new PdfName(SourceAttachment.MEDIA_TYPE).equals(subtype)) {
            return Optional.empty();
        }
        if (data.getLength() > maxBytes || declaredSize(data) > maxBytes) {
            throw PdfDataRefusedException.tooLarge(maxBytes);
        }
        // Inflating is bounded by the prescan's sello.limits.pdf.max-stream-size; the decoded size is checked again.
        byte[] json = PdfReader.getStreamBytes(data);
        if (json.length > maxBytes) {
            throw PdfDataRefusedException.tooLarge(maxBytes);
        }
        return Optional.of(json);
    }

    private static long declaredSize(PdfStream data) {
        PdfDictionary params = data.getAsDict(PdfName.PARAMS);
        var size = params == null ? null : params.getAsNumber(PdfName.SIZE);
        return size == null ? 0 : (long) size.doubleValue();
    }
}
