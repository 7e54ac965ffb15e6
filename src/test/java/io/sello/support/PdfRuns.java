package io.sello.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text runs of a PDF with their boxes, as PDFBox reads them back: what a cell really shows and
 * where, to check that an amount is printed whole, inside its cell, and clear of its neighbours.
 * A run is what PDFBox groups as one word sequence on a line; text drawn over other text merges
 * into one run or overlaps another one's box, and both show here.
 */
public final class PdfRuns {
    private PdfRuns() {}

    /**
     * One run: page (from 1), text, left and right edges, baseline {@code y} (from the page top) and
     * the font size in points as drawn (text matrix scale, which {@code TextPosition.getFontSizeInPt} rounds).
     */
    public record Run(int page, String text, float left, float right, float y, float fontSize) {
        /** The box the glyphs occupy: from the baseline up by the font size, and a fifth of it down. */
        public float top() {
            return y - fontSize * 0.8f;
        }

        public float bottom() {
            return y + fontSize * 0.2f;
        }

        public boolean overlaps(Run other) {
            return page == other.page
                    && left < other.right - 0.1f
                    && other.left < right - 0.1f
                    && top() < other.bottom() - 0.1f
                    && other.top() < bottom() - 0.1f;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT, "p%d [%.1f–%.1f] y%.1f %.2fpt \"%s\"", page, left, right, y, fontSize, text);
        }
    }

    public static List<Run> of(byte[] pdf) {
        List<Run> runs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    // PDFBox hands over a line of a page at a time and joins words with spaces it does not
                    // list as glyphs: split at space glyphs and at gaps, so that two cells stay two runs.
                    int start = 0;
                    for (int i = 0; i <= positions.size(); i++) {
                        boolean space = i < positions.size()
                                && positions.get(i).getUnicode().isBlank();
                        boolean gap = i > start
                                && i < positions.size()
                                && !space
                                && gap(positions.get(i - 1), positions.get(i));
                        if ((i == positions.size() || space || gap) && i > start) {
                            add(positions.subList(start, i));
                        }
                        if (space) {
                            start = i + 1;
                        } else if (gap) {
                            start = i;
                        }
                    }
                }

                private boolean gap(TextPosition previous, TextPosition next) {
                    float end = previous.getXDirAdj() + previous.getWidthDirAdj();
                    return Math.abs(next.getYDirAdj() - previous.getYDirAdj()) > 0.5f
                            || Math.abs(next.getXDirAdj() - end)
                                    > previous.getTextMatrix().getScalingFactorY() * 0.2f;
                }

                private void add(List<TextPosition> glyphs) {
                    TextPosition first = glyphs.get(0);
                    TextPosition last = glyphs.get(glyphs.size() - 1);
                    StringBuilder text = new StringBuilder();
                    float size = 0;
                    for (TextPosition glyph : glyphs) {
                        text.append(glyph.getUnicode());
                        size = Math.max(size, glyph.getTextMatrix().getScalingFactorY());
                    }
                    runs.add(new Run(
                            getCurrentPageNo(),
                            text.toString(),
                            first.getXDirAdj(),
                            last.getXDirAdj() + last.getWidthDirAdj(),
                            first.getYDirAdj(),
                            size));
                }
            };
            stripper.setSortByPosition(true);
            stripper.writeText(document, new StringWriter());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs;
    }

    /** Every pair of runs whose boxes overlap, described; empty when no text is drawn over other text. */
    public static List<String> overlaps(List<Run> runs) {
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                if (runs.get(i).overlaps(runs.get(j))) {
                    overlaps.add(runs.get(i) + " overlaps " + runs.get(j));
                }
            }
        }
        return overlaps;
    }
}
