package io.sello.rendering.html;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.SimpleBookmark;

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
    private PdfParts() {
    }

    static byte[] join(List<byte[]> parts, String title) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        List<Map<String, Object>> outline = new ArrayList<>();
        try {
            PdfCopy copy = new PdfCopy(document, out);
            document.addTitle(title);
            document.addCreator("Sello");
            PdfA.beforeOpen(copy);
            document.open();
            PdfA.afterOpen(copy); // after the title: the XMP metadata must repeat the document information
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
