package io.sello.rendering.jasper;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.pdf.PdfTextRenderer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JasperReports' AWT text renderer for PDF ({@code PdfTextRenderer}), which breaks a text into lines only the first
 * time a document draws it, and draws it again from those lines wherever the same text recurs.
 *
 * <p>Why: the exporter lays out every text element again with AWT's {@code LineBreakMeasurer} and copies its
 * {@code AttributedString} per paragraph and per line, about 44 % of Formulario N.5.B's render time on JDK 25
 * (docs/benchmarks.md, issue 19 point 3). The form repeats itself: of its 660 texts laid out this way, 168 are
 * distinct (the "0.00" of empty amount cells alone 300 times, "TOTAL", the period's dates).
 *
 * <p>Why the output cannot change: what is kept is what JasperReports' own {@code draw} is handed for each line (the
 * line's {@code TabSegment}, with its AWT layout, text and attributes, and its offsets and height inside the box),
 * and a repeat calls the same {@code draw} with them. The place on the page, the vertical alignment and the run
 * direction are the element's own, read by {@code draw} as always. Everything the line breaking reads is in the
 * {@link TextLayoutKey}. Only for documents that are not tagged: a tagged PDF wraps each paragraph in structure
 * tags, which a repeat would have to write too (this service's PDF/A-3b documents are not tagged).
 *
 * <p>The memo belongs to one export (one document, one thread) and ends with it.
 */
final class ReusedLayoutTextRenderer extends PdfTextRenderer {
    private final Layouts layouts;
    private List<DrawnLine> recording;

    ReusedLayoutTextRenderer(
            JasperReportsContext context,
            boolean ignoreMissingFont,
            boolean indentFirstLine,
            boolean justifyLastLine,
            Layouts layouts) {
        super(context, ignoreMissingFont, indentFirstLine, justifyLastLine);
        this.layouts = layouts;
    }

    /** The lines of the texts one document has laid out, and how often they were reused. */
    static final class Layouts {
        /**
         * At most this many distinct texts are kept per document (each with its AWT layouts, a few kilobytes): a
         * long annex of distinct values must not hold them all until its export ends. Texts past it are laid out
         * as usual.
         */
        static final int MAX_KEPT = 2048;

        private final Map<TextLayoutKey, List<DrawnLine>> byKey = new HashMap<>();
        private int reused;

        /** Texts drawn from a layout made earlier in the same document. */
        int reused() {
            return reused;
        }
    }

    /** One call of {@code draw}: the line (or tab segment) and where in the box it goes. */
    private record DrawnLine(TabSegment segment, float x, float y, float lineHeight) {}

    @Override
    public void render() {
        TextLayoutKey key =
                TextLayoutKey.of(text, styledText, width, leftPadding, rightPadding, indentFirstLine, justifyLastLine);
        if (key == null) {
            super.render();
            return;
        }
        List<DrawnLine> lines = layouts.byKey.get(key);
        if (lines != null) {
            layouts.reused++;
            for (DrawnLine line : lines) {
                segments = List.of(line.segment());
                segmentIndex = 0;
                drawPosX = line.x();
                drawPosY = line.y();
                lineHeight = line.lineHeight();
                super.draw();
            }
            return;
        }
        recording = new ArrayList<>();
        super.render();
        // A bullet (an HTML list) is drawn with its line; such texts have list attributes and no key, but if one
        // slipped through it is simply not kept.
        if (recording != null && layouts.byKey.size() < Layouts.MAX_KEPT) {
            layouts.byKey.put(key, List.copyOf(recording));
        }
        recording = null;
    }

    @Override
    public void draw() {
        if (recording != null) {
            if (bulletChunk != null) {
                recording = null;
            } else {
                recording.add(new DrawnLine(segments.get(segmentIndex), drawPosX, drawPosY, lineHeight));
            }
        }
        super.draw();
    }
}
