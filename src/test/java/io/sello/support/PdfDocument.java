package io.sello.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A PDF read back with PDFBox, for assertions about what it says rather than its bytes. */
public final class PdfDocument {
    private final List<String> pages = new ArrayList<>();
    private final List<String> streamPages = new ArrayList<>();
    private final Map<String, Boolean> fontsEmbedded = new LinkedHashMap<>();

    private PdfDocument(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(document));
            }
            PDFTextStripper inStreamOrder = new PDFTextStripper();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                inStreamOrder.setStartPage(i);
                inStreamOrder.setEndPage(i);
                streamPages.add(inStreamOrder.getText(document));
            }
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fontsEmbedded.put(font.getName(), font.isEmbedded());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PdfDocument of(byte[] pdf) {
        return new PdfDocument(pdf);
    }

    public int pageCount() {
        return pages.size();
    }

    /** Text of page {@code n}, counted from 1. */
    public String page(int n) {
        return pages.get(n - 1);
    }

    public String text() {
        return String.join("\n", pages);
    }

    /**
     * The text as one flow, for checking that long passages are printed whole: without white space and
     * without the "Página X de Y" footers. No line is drawn twice across a page break any more
     * (PageClippedOutputDevice, PrintedTextTest), so pages are simply joined. In reading order
     * ({@code inStreamOrder} false) a paragraph with bold runs reads right; in the order it was written
     * ({@code true}) a table cell that wraps stays together instead of interleaving with its neighbours.
     */
    public String flowingText(boolean inStreamOrder) {
        List<String> source = inStreamOrder ? streamPages : pages;
        StringBuilder flow = new StringBuilder();
        for (String page : source) {
            // every footer, also those of an annex that numbers its own pages
            flow.append(page.replaceAll("\\s+", "").replaceAll("Página\\d+de\\d+", ""));
        }
        return flow.toString();
    }

    public List<String> pages() {
        return List.copyOf(pages);
    }

    /** Asserts that the document uses fonts, all of them embedded and all of the bundled family. */
    public void assertEveryFontEmbedded() {
        Assertions.assertThat(fontsEmbedded).isNotEmpty().allSatisfy((name, embedded) -> {
            Assertions.assertThat(embedded).as(name).isTrue();
            Assertions.assertThat(name).contains("DejaVuSansCondensed");
        });
    }

    /** Font name → whether its program is embedded, over every page. */
    public Map<String, Boolean> fonts() {
        return Map.copyOf(fontsEmbedded);
    }
}
