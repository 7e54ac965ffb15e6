package io.sello;

import io.sello.document.DocumentType;
import io.sello.document.RenderOptions;
import io.sello.support.Fixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;

import java.awt.geom.Area;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, point 5: nothing hidden and nothing broken. Every example of every document type is rendered
 * and read back by position, page by page.
 *
 * <ul>
 * <li>No glyph lies outside its page's visible box (the crop box), nor where the clipping path it is
 *     drawn under hides it (hidden text is still found by search and text extraction).</li>
 * <li>No line is drawn twice at a page break: once below the last line of a page (clipped away, but
 *     found by search and text extraction) and again at the top of the next. Flying Saucer did that for a
 *     line moved to the next page; {@code PageClippedOutputDevice} stops it.</li>
 * <li>No line ends inside a word without a hyphen: a line whose last word and the next line's first
 *     word make a word of the document's data, while the first part alone is none.</li>
 * </ul>
 */
class PrintedTextTest {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    @Test
    void everyExampleOfEveryTypeDrawsItsTextOnceInsideThePageAndBreaksLinesBetweenWords() throws IOException {
        List<String> problems = new ArrayList<>();
        int pages = 0;
        for (String type : List.of("agreement-amendment", "operational-plan", "budget-summary", "poa-execution-form")) {
            DocumentType documentType = Fixtures.types().find(type).orElseThrow();
            try (Stream<Path> files = Files.list(Path.of("examples", type))) {
                for (Path example : files.filter(f -> f.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    byte[] json = Files.readAllBytes(example);
                    Set<String> dataWords = words(new String(json, StandardCharsets.UTF_8));
                    byte[] pdf =
                            documentType.render(json, RenderOptions.LENIENT).content();
                    pages += check(example.toString(), pdf, dataWords, problems);
                }
            }
        }
        System.out.println("pages checked: " + pages);
        assertThat(pages).isGreaterThan(60);
        assertThat(problems).isEmpty();
    }

    private static Set<String> words(String json) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(json.replaceAll("\\\\u00[aA][dD]", ""));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private record Line(float y, String text) {}

    private static int check(String name, byte[] pdf, Set<String> dataWords, List<String> problems) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<List<Line>> pageLines = new ArrayList<>();
            for (int n = 1; n <= document.getNumberOfPages(); n++) {
                PDPage page = document.getPage(n - 1);
                PDRectangle crop = page.getCropBox();
                // text positions are in the page as shown: a landscape form is a portrait page turned 90°
                boolean turned = page.getRotation() % 180 != 0;
                PDRectangle box = turned ? new PDRectangle(crop.getHeight(), crop.getWidth()) : crop;
                List<TextPosition> glyphs = new ArrayList<>();
                List<String> streamLines = new ArrayList<>();
                final int pageNo = n;
                PDFTextStripper stripper = new PDFTextStripper() {
                    // PDFTextStripper follows no clipping path: track the path operators and W/W* here
                    private GeneralPath path = new GeneralPath();
                    private boolean clipPending;

                    {
                        pathOperator("m", (p, o) -> p.moveTo(o[0], o[1]));
                        pathOperator("l", (p, o) -> p.lineTo(o[0], o[1]));
                        pathOperator("c", (p, o) -> p.curveTo(o[0], o[1], o[2], o[3], o[4], o[5]));
                        pathOperator("v", (p, o) -> p.lineTo(o[2], o[3]));
                        pathOperator("y", (p, o) -> p.lineTo(o[2], o[3]));
                        pathOperator("re", (p, o) -> {
                            p.moveTo(o[0], o[1]);
                            p.lineTo(o[2], o[3]);
                            p.lineTo(o[4], o[5]);
                            p.lineTo(o[6], o[7]);
                            p.closePath();
                        });
                        pathOperator("h", (p, o) -> p.closePath());
                        for (String clip : List.of("W", "W*")) {
                            addOperator(new OperatorProcessor(this) {
                                @Override
                                public void process(Operator operator, List<COSBase> operands) {
                                    clipPending = true;
                                }

                                @Override
                                public String getName() {
                                    return clip;
                                }
                            });
                        }
                        for (String end : List.of("n", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*")) {
                            addOperator(new OperatorProcessor(this) {
                                @Override
                                public void process(Operator operator, List<COSBase> operands) {
                                    if (clipPending) {
                                        getGraphicsState().intersectClippingPath(new Area(path));
                                    }
                                    clipPending = false;
                                    path = new GeneralPath();
                                }

                                @Override
                                public String getName() {
                                    return end;
                                }
                            });
                        }
                    }

                    /** A path operator: its points (for re: the four corners) in device space. */
                    private void pathOperator(String name, BiConsumer<GeneralPath, float[]> draw) {
                        addOperator(new OperatorProcessor(this) {
                            @Override
                            public void process(Operator operator, List<COSBase> operands) {
                                float[] v = new float[operands.size()];
                                for (int i = 0; i < v.length; i++) {
                                    v[i] = ((COSNumber) operands.get(i)).floatValue();
                                }
                                float[] points = name.equals("re")
                                        ? new float[] {
                                            v[0], v[1], v[0] + v[2], v[1], v[0] + v[2], v[1] + v[3], v[0], v[1] + v[3]
                                        }
                                        : v;
                                Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                                float[] device = new float[points.length];
                                for (int i = 0; i + 1 < points.length; i += 2) {
                                    Point2D.Float d = ctm.transformPoint(points[i], points[i + 1]);
                                    device[i] = d.x;
                                    device[i + 1] = d.y;
                                }
                                draw.accept(path, device);
                            }

                            @Override
                            public String getName() {
                                return name;
                            }
                        });
                    }

                    /** Every glyph's origin lies inside the clipping path it is drawn under. */
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        Rectangle2D clip =
                                getGraphicsState().getCurrentClippingPath().getBounds2D();
                        float x = text.getTextMatrix().getTranslateX();
                        float y = text.getTextMatrix().getTranslateY();
                        if (!text.getUnicode().isBlank()
                                && !clip.contains(x + 0.01, y + 0.01)
                                && !new Rectangle2D.Double(
                                                clip.getX() - 0.5,
                                                clip.getY() - 0.5,
                                                clip.getWidth() + 1,
                                                clip.getHeight() + 1)
                                        .contains(x, y)) {
                            problems.add(String.format(
                                    Locale.ROOT,
                                    "%s page %d: '%s' drawn at (%.1f, %.1f) where the clip hides it (visible y %.1f to %.1f)",
                                    name,
                                    pageNo,
                                    text.getUnicode(),
                                    x,
                                    y,
                                    clip.getMinY(),
                                    clip.getMaxY()));
                        }
                        super.processTextPosition(text);
                    }

                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        glyphs.addAll(positions);
                        streamLines.add(text);
                    }
                };
                stripper.setStartPage(n);
                stripper.setEndPage(n);
                stripper.writeText(document, new StringWriter());
                TreeMap<Integer, StringBuilder> byBaseline = new TreeMap<>();
                for (TextPosition g : glyphs) {
                    float x = g.getXDirAdj();
                    float y = g.getYDirAdj();
                    if (!g.getUnicode().isBlank()
                            && (x < 0
                                    || x + g.getWidthDirAdj() > box.getWidth() + 0.5f
                                    || y - g.getHeightDir() < 0
                                    || y > box.getHeight())) {
                        problems.add(String.format(
                                Locale.ROOT,
                                "%s page %d: '%s' drawn outside the page at (%.1f, %.1f)",
                                name,
                                n,
                                g.getUnicode(),
                                x,
                                y));
                    }
                    byBaseline
                            .computeIfAbsent(Math.round(y), k -> new StringBuilder())
                            .append(g.getUnicode());
                }
                List<Line> lines = new ArrayList<>();
                byBaseline.forEach((y, text) -> {
                    String t = text.toString().strip();
                    if (!t.isEmpty() && !t.matches(".*Página\\s*\\d+\\s*de\\s*\\d+.*")) {
                        lines.add(new Line(y, t));
                    }
                });
                pageLines.add(lines);
                midWordBreaks(name, n, streamLines, dataWords, problems);
            }
            for (int n = 1; n < pageLines.size(); n++) {
                List<Line> here = pageLines.get(n - 1);
                List<Line> next = pageLines.get(n);
                if (here.isEmpty() || next.isEmpty()) {
                    continue;
                }
                String last = here.get(here.size() - 1).text();
                // the last line of a page again as the first line of the next: drawn twice, once hidden
                if (last.length() > 3 && last.equals(next.get(0).text())) {
                    problems.add(name + " page " + n + ": the last line is drawn again at the top of page " + (n + 1)
                            + ": " + last);
                }
            }
            return document.getNumberOfPages();
        }
    }

    private static void midWordBreaks(
            String name, int page, List<String> lines, Set<String> dataWords, List<String> problems) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher end = Pattern.compile("(\\p{L}+)$").matcher(lines.get(i).strip());
            Matcher start =
                    Pattern.compile("^(\\p{L}+)").matcher(lines.get(i + 1).strip());
            if (end.find() && start.find()) {
                String head = end.group(1);
                String tail = start.group(1);
                if (dataWords.contains(head + tail) && !dataWords.contains(head)) {
                    problems.add(name + " page " + page + ": a line ends inside the word " + head + "|" + tail);
                }
            }
        }
    }
}
