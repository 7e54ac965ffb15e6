package io.sello.budget;

import io.sello.document.RenderOptions;
import io.sello.format.NumberStyle;
import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, point 4: seed 003 reproduced to the figure. Every figure printed in the 16 budget tables
 * of the seed, transcribed by hand from the seed (not from the examples) in
 * {@code seed-003/budget-figures.tsv}, must be printed exactly as the seed prints it, in its row and
 * under its column, both in the rendered annex (the operational-plan example, lenient as the annex is
 * rendered) and in each budget-summary example. The only exceptions are the real errors of
 * docs/reconciliation-seed-003.md: those cells print the computed figure, and the discrepancy note says
 * so. The exceptions are read from that report, so they follow it when it is regenerated. Besides
 * them, only the seed's own slips of writing are allowed, each listed with its reason in
 * {@code seed-003/format-slips.tsv}: a figure the seed writes in another style than the rest of its
 * table ({@code 13000} among {@code 100'000}, {@code 321.895} under {@code 2,690}), which Sello prints
 * in the table's one number style, and one total the seed leaves blank.
 *
 * <p>The transcription has one line per printed figure: table (the {@code id} in the annex), seed
 * line, row label (as the examples label it), column key, and the figure as the seed prints it
 * ({@code 1,288,584}, {@code (23,940)}, {@code 0,00}, {@code -}, {@code n.a.}). Cells the seed leaves
 * blank have no line, and must print blank too.
 *
 * <p>The PDF is read by position: each row is found by its label in the label column (tables in
 * document order, each anchored at its caption and label header), and each figure is assigned to the
 * column whose right edge it is aligned on (amounts are right-aligned).
 */
class SeedFiguresTest {
    static final Path FIGURES = Path.of("src/test/resources/seed-003/budget-figures.tsv");
    static final Path SLIPS = Path.of("src/test/resources/seed-003/format-slips.tsv");
    static final Path PLAN = Path.of("examples/operational-plan/pcc-plan-operativo-2008.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One figure as the seed prints it, with the seed line it was read from. */
    record SeedFigure(String table, int line, String row, String column, String figure) {}

    /** A row of the reconciliation report classed as a real error: the computed figure is printed. */
    record KnownError(String table, String row, String column, BigDecimal declared, BigDecimal computed) {}

    /**
     * A figure the seed writes inconsistently within its own table, printed by Sello in the table's one
     * number style (seed-003/format-slips.tsv, each with its reason), or a total the seed leaves blank.
     */
    record Slip(String table, String row, String column, String seed, String printed) {}

    /** A cell that does not print what the seed prints. */
    record Miss(String document, SeedFigure expected, String wanted, String printed, String why) {
        @Override
        public String toString() {
            return String.format(
                    "%s | %s | %s | %s | seed %s (l.%d) | expected %s | printed %s | %s",
                    document,
                    expected.table(),
                    expected.row(),
                    expected.column(),
                    expected.figure(),
                    expected.line(),
                    wanted,
                    printed,
                    why);
        }
    }

    private static List<SeedFigure> figures;
    private static List<Slip> slips;
    private static List<KnownError> errors;
    private static List<String> roundingCells;
    /** Every table of the budget-summary examples, by id, as the service reads it. */
    private static final Map<String, BudgetTable> exampleTables = new LinkedHashMap<>();
    /** The examples' table id for each of the 16 tables of the annex (the subproject summary is there twice). */
    private static final Map<String, String> exampleOf = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        figures = Files.readAllLines(FIGURES, StandardCharsets.UTF_8).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split("\t", -1))
                .map(f -> new SeedFigure(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4]))
                .toList();
        slips = Files.readAllLines(SLIPS, StandardCharsets.UTF_8).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split("\t", -1))
                .map(f -> new Slip(f[0], f[2], f[3], f[4], f[5]))
                .toList();
        errors = new ArrayList<>();
        roundingCells = new ArrayList<>();
        for (String line : Files.readAllLines(SeedReconciliationTest.REPORT, StandardCharsets.UTF_8)) {
            if (!line.startsWith("| **error** |") && !line.startsWith("| rounding |")) {
                continue;
            }
            // | class | table | row | column | declared | computed | difference | tolerance |, with \| escaped in
            // labels
            String[] c = line.substring(2, line.length() - 2).split(" (?<!\\\\)\\| ", -1);
            String row = c[2].replace("\\|", "|");
            if (c[0].equals("**error**")) {
                errors.add(new KnownError(c[1], row, c[3], new BigDecimal(c[4]), new BigDecimal(c[5])));
            } else {
                roundingCells.add(c[1] + " | " + row + " | " + c[3]);
            }
        }
        Map<String, JsonNode> exampleNodes = new LinkedHashMap<>();
        for (Path example : SeedReconciliationTest.examples()) {
            byte[] json = Files.readAllBytes(example);
            Budgets.summary(json).tables().forEach(t -> exampleTables.put(t.id(), t));
            JSON.readTree(json)
                    .get("tables")
                    .forEach(t -> exampleNodes.put(t.get("id").stringValue(), t));
        }
        List<JsonNode> annex = new ArrayList<>();
        SeedReconciliationTest.budgetBlocks(
                JSON.readTree(Files.readAllBytes(PLAN)).get("sections"), annex);
        for (JsonNode table : annex) {
            ObjectNode content = ((ObjectNode) table).deepCopy();
            content.remove("id");
            exampleNodes.forEach((id, node) -> {
                ObjectNode other = ((ObjectNode) node).deepCopy();
                other.remove("id");
                other.remove("chart");
                if (other.equals(content)) {
                    exampleOf.put(table.get("id").stringValue(), id);
                }
            });
        }
    }

    @Test
    void theTranscriptionCoversEveryAmountRowOfTheSixteenTables() {
        assertThat(errors).as("errors in " + SeedReconciliationTest.REPORT).isNotEmpty();
        assertThat(exampleOf).hasSize(16);
        assertThat(figures.stream().map(SeedFigure::table).distinct()).containsExactlyElementsOf(exampleOf.keySet());
        for (String annexId : exampleOf.keySet()) {
            BudgetTable table = exampleTables.get(exampleOf.get(annexId));
            List<SeedFigure> ofTable =
                    figures.stream().filter(f -> f.table().equals(annexId)).toList();
            // each figure names a visible column and a row of the table, rows in the table's order
            Set<String> visible = table.columns().stream()
                    .filter(c -> !c.hidden())
                    .map(BudgetColumn::key)
                    .collect(Collectors.toSet());
            assertThat(ofTable)
                    .allSatisfy(f -> assertThat(visible).as(f.toString()).contains(f.column()));
            List<String> labels = table.rows().stream()
                    .filter(r -> r.kind() != BudgetRow.Kind.HEADING)
                    .map(BudgetRow::label)
                    .toList();
            List<String> transcribed = new ArrayList<>();
            int lastLine = -1;
            for (SeedFigure f : ofTable) {
                if (f.line() != lastLine) {
                    transcribed.add(f.row());
                    lastLine = f.line();
                }
            }
            assertThat(transcribed).as(annexId + ": every amount row, in order").containsExactlyElementsOf(labels);
        }
    }

    @Test
    void theSeedPrintsTheSubprojectSummaryTwiceWithTheSameFigures() {
        List<String> first = cells("resumen-subproyectos-1-2");
        assertThat(first).hasSize(7 * 8);
        assertThat(cells("resumen-subproyectos-1-3")).isEqualTo(first);
    }

    private static List<String> cells(String table) {
        return figures.stream()
                .filter(f -> f.table().equals(table))
                .map(f -> f.row() + "|" + f.column() + "|" + f.figure())
                .toList();
    }

    @Test
    void theAnnexPrintsEverySeedFigure() {
        byte[] pdf = Fixtures.plan()
                .render(Fixtures.read(PLAN), RenderOptions.LENIENT)
                .content();
        assertPrintsTheSeed("annex", pdf, List.copyOf(exampleOf.keySet()));
    }

    static List<Path> examples() throws IOException {
        return SeedReconciliationTest.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void eachBudgetSummaryExamplePrintsEverySeedFigure(Path example) throws IOException {
        byte[] pdf = Fixtures.types()
                .find("budget-summary")
                .orElseThrow()
                .render(Files.readAllBytes(example), RenderOptions.LENIENT)
                .content();
        List<String> tables = new ArrayList<>();
        for (BudgetTable table : Budgets.summary(Files.readAllBytes(example)).tables()) {
            // the first transcribed copy of the table: the seed's two copies are equal (tested above)
            tables.add(exampleOf.entrySet().stream()
                    .filter(e -> e.getValue().equals(table.id()))
                    .findFirst()
                    .orElseThrow()
                    .getKey());
        }
        assertPrintsTheSeed(example.getFileName().toString(), pdf, tables);
    }

    /** {@code tables}: the transcribed tables the PDF prints, in the order it prints them. */
    private static void assertPrintsTheSeed(String document, byte[] pdf, List<String> tables) {
        List<Line> lines = lines(pdf);
        String flowing = PdfDocument.of(pdf).flowingText(false);
        List<Miss> misses = new ArrayList<>();
        int checked = 0;
        List<KnownError> exceptions = new ArrayList<>();
        int cursor = 0;
        for (String annexId : tables) {
            BudgetTable table = exampleTables.get(exampleOf.get(annexId));
            List<SeedFigure> ofTable =
                    figures.stream().filter(f -> f.table().equals(annexId)).toList();
            if (table.title() != null) {
                cursor = anchor(lines, cursor, table.title(), document + " " + annexId);
            }
            cursor = anchor(lines, cursor, table.labelHeader(), document + " " + annexId);
            // locate every row by its label, in order
            Map<Integer, List<Word>> rowWords = new LinkedHashMap<>();
            List<Word> amounts = new ArrayList<>();
            int lastLine = -1;
            for (SeedFigure f : ofTable) {
                if (f.line() == lastLine) {
                    continue;
                }
                lastLine = f.line();
                RowMatch match = locate(lines, cursor, f.row());
                assertThat(match)
                        .as(document + ": row «" + f.row() + "» of " + annexId + " (seed line " + f.line() + ")")
                        .isNotNull();
                cursor = match.lastLine() + 1;
                rowWords.put(f.line(), match.cells());
                match.cells().stream()
                        .filter(w -> AMOUNT.matcher(w.text()).matches())
                        .forEach(amounts::add);
            }
            List<BudgetColumn> visible =
                    table.columns().stream().filter(c -> !c.hidden()).toList();
            List<Float> edges = rightEdges(amounts);
            assertThat(edges)
                    .as(document + " " + annexId + ": one right edge per column "
                            + visible.stream().map(BudgetColumn::key).toList())
                    .hasSize(visible.size());
            // a cell the seed leaves blank in a row it prints stays blank
            Map<Integer, String> rowLabels = new LinkedHashMap<>();
            ofTable.forEach(f -> rowLabels.put(f.line(), f.row()));
            rowLabels.forEach((line, row) -> {
                for (int c = 0; c < visible.size(); c++) {
                    String key = visible.get(c).key();
                    float edge = edges.get(c);
                    String printed = printedAt(rowWords.get(line), edge);
                    if (!printed.isEmpty()
                            && ofTable.stream()
                                    .noneMatch(
                                            f -> f.line() == line && f.column().equals(key))) {
                        misses.add(new Miss(
                                document,
                                new SeedFigure(annexId, line, row, key, ""),
                                "",
                                printed,
                                "printed where the seed leaves the cell blank"));
                    }
                }
            });
            for (SeedFigure f : ofTable) {
                int column = visible.indexOf(table.column(f.column()).orElseThrow());
                float edge = edges.get(column);
                String printed = printedAt(rowWords.get(f.line()), edge);
                String name = Reconciliation.columnName(table.column(f.column()).orElseThrow());
                KnownError error = errors.stream()
                        .filter(e -> e.table().equals(table.id())
                                && e.row().equals(f.row())
                                && e.column().equals(name))
                        .findFirst()
                        .orElse(null);
                String wanted = f.figure();
                if (error != null) {
                    NumberStyle style = table.numberStyle();
                    int decimals = table.column(f.column()).orElseThrow().decimals();
                    exceptions.add(error);
                    wanted = style.accounting(error.computed(), decimals);
                    String note = "«" + error.row() + "», " + error.column() + ": cifra declarada "
                            + style.accounting(error.declared(), decimals)
                            + ", cifra calculada " + wanted + " (diferencia "
                            + style.accounting(error.declared().subtract(error.computed()), decimals) + ").";
                    if (!flowing.contains(note.replaceAll("\\s+", ""))) {
                        misses.add(new Miss(document, f, wanted, printed, "no discrepancy note " + note));
                    }
                }
                checked++;
                if (!printed.equals(wanted)) {
                    misses.add(new Miss(document, f, wanted, printed, why(table.id(), f, name, printed)));
                }
            }
        }
        assertThat(checked)
                .isEqualTo(
                        figures.stream().filter(f -> tables.contains(f.table())).count());
        // every real error of these tables was met in its cell: the report and the transcription agree
        List<String> printedTables = tables.stream().map(t -> exampleOf.get(t)).toList();
        assertThat(exceptions)
                .as(document + ": the errors of " + SeedReconciliationTest.REPORT)
                .containsExactlyInAnyOrderElementsOf(errors.stream()
                        .filter(e -> printedTables.contains(e.table()))
                        .toList());
        long extra =
                misses.stream().filter(m -> m.expected().figure().isEmpty()).count();
        System.out.println("SeedFiguresTest " + document + ": " + checked + " figures, "
                + (checked - misses.size() + extra) + " as the seed prints them, " + exceptions.size()
                + " real errors among them; "
                + misses.stream().collect(Collectors.groupingBy(Miss::why, TreeMap::new, Collectors.counting()))
                + misses.stream().map(m -> "\n  " + m).collect(Collectors.joining()));
        // The seed's own slips of writing are listed one by one, with their reason; nothing else may differ,
        // and every listed slip must still be met, so the list cannot go stale.
        List<Slip> met = misses.stream()
                .map(m -> new Slip(
                        m.expected().table(),
                        m.expected().row(),
                        m.expected().column(),
                        m.expected().figure(),
                        m.printed()))
                .filter(slips::contains)
                .toList();
        assertThat(met)
                .as(document + ": the slips of " + SLIPS + " in these tables")
                .containsExactlyInAnyOrderElementsOf(
                        slips.stream().filter(s -> tables.contains(s.table())).toList());
        assertThat(misses.stream()
                        .filter(m -> !met.contains(new Slip(
                                m.expected().table(),
                                m.expected().row(),
                                m.expected().column(),
                                m.expected().figure(),
                                m.printed())))
                        .toList())
                .as(document + ": figures not printed as seed 003 prints them")
                .isEmpty();
    }

    /** The text of a row's cell: the words right-aligned on the column's edge. */
    private static String printedAt(List<Word> row, float edge) {
        return row.stream()
                .filter(w -> Math.abs(w.x1() - edge) < ALIGNED)
                .sorted(Comparator.comparing(Word::x0))
                .map(Word::text)
                .collect(Collectors.joining(" "));
    }

    /** Why a cell differs, for the reader of a failure: a rounding difference or only the way it is written. */
    private static String why(String table, SeedFigure f, String column, String printed) {
        if (roundingCells.contains(table + " | " + f.row() + " | " + column)) {
            return "rounding difference (reconciliation report)";
        }
        if (f.figure().matches("-+") && printed.matches("-+")) {
            return "number format only";
        }
        BigDecimal seed = value(f.figure());
        BigDecimal sello = value(printed);
        if (seed != null && sello != null && seed.compareTo(sello) == 0) {
            return "number format only";
        }
        return "different";
    }

    /** The value of a printed figure in any of the seed's styles; a separator before 2 final digits is decimal. */
    static BigDecimal value(String printed) {
        String s = printed.trim();
        boolean negative = s.startsWith("(") && s.endsWith(")") || s.startsWith("-");
        s = s.replaceAll("[()\\-]", "");
        if (!s.matches("[0-9][0-9.,']*")) {
            return null;
        }
        String decimals = "";
        if (s.matches(".*[.,][0-9]{2}")) {
            decimals = s.substring(s.length() - 2);
            s = s.substring(0, s.length() - 3);
        }
        BigDecimal v = new BigDecimal(s.replaceAll("[.,']", "") + (decimals.isEmpty() ? "" : "." + decimals));
        return negative ? v.negate() : v;
    }

    // ---- the PDF read by position ----

    /** A run of glyphs without a space or a gap, with its left and right edge and baseline, in points. */
    record Word(int page, float x0, float x1, float y, String text) {}

    record Line(int page, float y, List<Word> words) {}

    /** The lines a row's label takes, and the words on them that are not the label: its cells. */
    record RowMatch(int firstLine, int lastLine, List<Word> cells) {}

    private static final Pattern AMOUNT = Pattern.compile("\\(?[0-9][0-9.,']*\\)?|-+|n\\.a\\.");
    /** Right edges of one right-aligned column agree to a fraction of a point. */
    private static final float ALIGNED = 2f;

    static List<Line> lines(byte[] pdf) {
        List<Line> lines = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                List<TextPosition> glyphs = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        // only what can be seen: text drawn outside the page box is no printed figure
                        if (text.getYDirAdj() >= 0 && text.getYDirAdj() <= text.getPageHeight()) {
                            glyphs.add(text);
                        }
                    }
                };
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                stripper.getText(document);
                glyphs.sort(Comparator.comparing(TextPosition::getYDirAdj).thenComparing(TextPosition::getXDirAdj));
                List<TextPosition> line = new ArrayList<>();
                for (TextPosition glyph : glyphs) {
                    if (!line.isEmpty() && glyph.getYDirAdj() - line.get(0).getYDirAdj() > 1f) {
                        lines.add(line(p, line));
                        line = new ArrayList<>();
                    }
                    line.add(glyph);
                }
                if (!line.isEmpty()) {
                    lines.add(line(p, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static Line line(int page, List<TextPosition> glyphs) {
        glyphs.sort(Comparator.comparing(TextPosition::getXDirAdj));
        List<Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        float x0 = 0;
        float x1 = 0;
        for (TextPosition g : glyphs) {
            boolean blank = g.getUnicode().isBlank();
            float gap = g.getXDirAdj() - x1;
            if (text.length() > 0 && (blank || gap > Math.max(1.5f, 0.2f * g.getFontSizeInPt()))) {
                words.add(new Word(page, x0, x1, glyphs.get(0).getYDirAdj(), text.toString()));
                text.setLength(0);
            }
            if (blank) {
                continue;
            }
            if (text.length() == 0) {
                x0 = g.getXDirAdj();
            }
            text.append(g.getUnicode());
            x1 = g.getXDirAdj() + g.getWidthDirAdj();
        }
        if (text.length() > 0) {
            words.add(new Word(page, x0, x1, glyphs.get(0).getYDirAdj(), text.toString()));
        }
        return new Line(page, glyphs.get(0).getYDirAdj(), words);
    }

    /** The index of the line after the one that begins with {@code text} (its first characters), from {@code from}. */
    private static int anchor(List<Line> lines, int from, String text, String what) {
        String start = squeeze(text);
        start = start.substring(0, Math.min(start.length(), 20));
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i).words().stream().map(Word::text).collect(Collectors.joining());
            if (line.startsWith(start) || start.startsWith(line) && !line.isEmpty() && line.length() >= 8) {
                return i + 1;
            }
        }
        throw new AssertionError(what + ": «" + text + "» not found");
    }

    /**
     * The first row from line {@code from} whose label column reads {@code label}: the label's words,
     * leftmost on each line, over one or more lines of one page. An empty label is the next line.
     */
    private static RowMatch locate(List<Line> lines, int from, String label) {
        String wanted = squeeze(label);
        for (int i = from; i < lines.size(); i++) {
            String rest = wanted;
            Set<Word> labelWords = new HashSet<>();
            int j = i;
            while (!rest.isEmpty()) {
                int consumed = 0;
                for (Word w : lines.get(j).words()) {
                    if (!rest.startsWith(w.text())) {
                        break;
                    }
                    rest = rest.substring(w.text().length());
                    labelWords.add(w);
                    consumed++;
                    if (rest.isEmpty()) {
                        break;
                    }
                }
                // a label goes on only on the next line of the same page, from its left
                if (consumed == 0
                        || rest.isEmpty()
                        || j + 1 >= lines.size()
                        || lines.get(j + 1).page() != lines.get(j).page()
                        || lines.get(j + 1).y() - lines.get(j).y() > 20f) {
                    break;
                }
                j++;
            }
            if (rest.isEmpty()) {
                Line first = lines.get(i);
                Line last = lines.get(j);
                List<Word> cells = new ArrayList<>();
                for (Line line : lines) {
                    if (line.page() == first.page() && line.y() >= first.y() - 4f && line.y() <= last.y() + 4f) {
                        line.words().stream()
                                .filter(w -> !labelWords.contains(w))
                                .forEach(cells::add);
                    }
                }
                return new RowMatch(i, j, cells);
            }
        }
        return null;
    }

    /** The right edges that amounts line up on, left to right. */
    private static List<Float> rightEdges(List<Word> amounts) {
        List<Float> edges = new ArrayList<>();
        amounts.stream().map(Word::x1).sorted().forEach(x -> {
            if (edges.isEmpty() || x - edges.get(edges.size() - 1) > ALIGNED) {
                edges.add(x);
            }
        });
        return edges;
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
