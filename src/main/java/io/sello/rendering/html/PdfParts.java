package io.sello.rendering.html;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.SimpleBookmark;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.SourceAttachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Joins separately laid-out PDFs (an amendment and its annex) into one, keeping every part's bookmarks
 * with their pages shifted. Flying Saucer's own multi-document mode drops bookmarks after the first part.
 */
final class PdfParts {
    private PdfParts() {}

    /** @param whole the first part's request, whose title and (when {@code embed}) JSON the joined PDF carries */
    static byte[] join(List<byte[]> parts, RenderRequest whole, boolean embed, int compressionLevel)
            throws IOException {
        String title = whole.title();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        List<Map<String, Object>> outline = new ArrayList<>();
        try {
            PdfCopy copy = new PdfCopy(document, out);
            document.addTitle(title);
            document.addCreator("Sello");
            PdfA.beforeOpen(copy);
            SourceAttachment.register(copy, whole, embed, compressionLevel);
            document.open();
            PdfA.afterOpen(copy);
            int pagesSoFar = 0;
            for (byte[] part : parts) {
                PdfReader reader = new PdfReader(part);
                try {
                    List<Map<String, Object>> bookmarks = SimpleBookmark.getBookmarkList(reader);
                    if (bookmarks != null) {
                        SimpleBookmark.shiftPageNumbersInRange(bookmarks, pagesSoFar, null);
                        outline.addAll(bookmarks);
                    }
                    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                        copy.addPage(copy.getImportedPage(reader, page));
                    }
                    pagesSoFar += reader.getNumberOfPages();
                    copy.freeReader(reader);
                } finally {
                    reader.close();
                }
            }
            copy.setOutlines(outline);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}
