package io.sello.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * A text rendering of a PDF's layout: one line per text run with its page and position, rounded to
 * whole points. It catches a moved column, a lost heading or a changed page break, and stays readable
 * in a diff, unlike a bitmap.
 */
public final class PdfLayout {
    private PdfLayout() {}

    public static String of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            StringBuilder out = new StringBuilder();
            out.append("pages ").append(document.getNumberOfPages()).append('\n');
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void startPage(PDPage page) throws IOException {
                    out.append("page ").append(getCurrentPageNo()).append('\n');
                }

                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    TextPosition first = positions.get(0);
                    out.append(String.format(
                            Locale.ROOT,
                            "%4d %4d %s%n",
                            Math.round(first.getXDirAdj()),
                            Math.round(first.getYDirAdj()),
                            text));
                }
            };
            stripper.setSortByPosition(true);
            stripper.writeText(document, new StringWriter());
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
