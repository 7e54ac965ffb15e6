package io.sello.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A reviewer's word-by-word comparison of a source document (a seed's text rendering) with the PDF
 * Sello prints for it (issue 13, point 5f).
 *
 * <p>Both sides become normalised word tokens: NFC, lower case, the seed's Markdown marks
 * ({@code *}, {@code <u>}, {@code <br>}, {@code \$}) and surrounding punctuation removed, and numbers
 * reduced to their digits, so that {@code 3'283.290.00} (the seed's slip) and {@code 3,283,290.00} (the one
 * form Sello writes amounts in) are the same word while {@code 0} and {@code 0,00} are not. Superscript
 * footnote markers are words of their own, {@code ^7}: in the seed they are the characters ¹²³…, in the
 * PDF the digits drawn raised above their line.
 *
 * <p>The seed is cut into sections, each a list of units (a paragraph, a line, a table cell). Sections
 * are found in the PDF in order, each by its title; every unit is then matched inside its section's
 * stretch of the PDF, its words in order, allowing a few extra PDF words between two of them (a footnote
 * reference, a line's hidden hyphenation point). A seed word that finds no partner is missing.
 */
public final class SeedWords {
    private static final Pattern SUPERSCRIPTS = Pattern.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+");
    private static final Pattern NUMBER = Pattern.compile("[(-]?[\\d'.,]*\\d[\\d'.,]*[)]?");
    private static final String EDGE = ".,;:()[]{}\"“”«»'‘’¿?¡!-–—|…";
    /** At most this many PDF words between two consecutive words of one unit. */
    private static final int GAP = 6;
    /** How far out of order a word may be drawn in its paragraph: Flying Saucer paints bold runs after the rest of their block. */
    private static final int REORDER = 40;

    private SeedWords() {}

    /** A unit of the seed: its text as the seed prints it, and its words. */
    public record Unit(String text, List<String> words) {
        public static Unit of(String text) {
            return new Unit(text, tokens(text));
        }
    }

    /** A section of the seed: a title to find it by in the PDF ({@code null}: where the last one ended) and its units. */
    public record Section(String name, Unit title, List<Unit> units) {
        /** What the section is found by: its title, or else its first unit of three words or more. */
        Unit anchor() {
            if (title != null) {
                return title;
            }
            return units.stream()
                    .filter(u -> u.words().size() >= 3)
                    .findFirst()
                    .orElse(units.isEmpty() ? null : units.get(0));
        }

        public int size() {
            return (title == null ? 0 : title.words().size())
                    + units.stream().mapToInt(u -> u.words().size()).sum();
        }
    }

    /** How a section fared: its words, those matched, and the missing ones with the unit they belong to. */
    public record Score(String section, int words, int matched, List<String> missing) {
        public double percent() {
            return words == 0 ? 100 : 100.0 * matched / words;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-70.70s %5d/%5d %7.2f %%", section, matched, words, percent());
        }
    }

    /** Text made comparable: Markdown and HTML marks off, superscript markers as {@code ^n}. */
    static String plain(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("<br>", " ")
                .replaceAll("</?[a-z]+>", "")
                .replace("\\$", "$")
                .replace("*", " ");
        var superscripts = SUPERSCRIPTS.matcher(plain);
        StringBuilder out = new StringBuilder();
        while (superscripts.find()) {
            StringBuilder digits = new StringBuilder();
            superscripts.group().codePoints().forEach(c -> digits.append(Character.getNumericValue(c)));
            superscripts.appendReplacement(out, " ^" + digits + " ");
        }
        superscripts.appendTail(out);
        return out.toString();
    }

    /**
     * Normalised words of a text. Hyphens, slashes and a colon between digits also separate words: a cell may wrap
     * {@code Inicio-término} after its hyphen or {@code 9001:2015} after its colon, a line break, not a lost word.
     */
    public static List<String> tokens(String text) {
        List<String> words = new ArrayList<>();
        for (String raw : plain(text)
                .toLowerCase(Locale.ROOT)
                .split("[\\s\\u00a0/]+|(?<=\\d):(?=\\d)|(?<=\\p{L})-|-(?=\\p{L})")) {
            String word = raw;
            if (NUMBER.matcher(word).matches() || NUMBER.matcher(trim(word)).matches()) {
                word = trim(word).replaceAll("[^\\d]", "");
            } else if (!word.startsWith("^")) {
                word = trim(word);
            }
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String trim(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && EDGE.indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && EDGE.indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(start, end);
    }

    /**
     * The words of a PDF in the order they were drawn (a wrapped table cell stays together), with
     * footnote markers ({@code ^n}: digits drawn raised and smaller than their line) as words of their own.
     */
    public static List<String> pdfWords(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                /** The baseline and size of the text drawn last: a footnote marker is often a run of its own. */
                private float lineBaseline;

                private float lineSize;
                private float lastY;
                private float lastEndX;

                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    float baseline = 0;
                    float size = 0;
                    for (TextPosition p : positions) {
                        baseline = Math.max(baseline, p.getYDirAdj());
                        size = Math.max(size, p.getFontSizeInPt());
                    }
                    if (Math.abs(baseline - lineBaseline) > size * 1.5f || size > lineSize * 0.9f) {
                        lineBaseline = baseline;
                        lineSize = size;
                    }
                    StringBuilder out = new StringBuilder();
                    boolean raised = false;
                    for (TextPosition p : positions) {
                        // a glyph drawn elsewhere than right after the previous one (a bold run painted after
                        // its line, the next cell) starts a word of its own; in drawing order PDFBox glues them
                        if (Math.abs(p.getYDirAdj() - lastY) > 1f
                                        && !(p.getYDirAdj() < lastY && p.getFontSizeInPt() < lineSize * 0.9f)
                                || p.getXDirAdj() < lastEndX - 1f) {
                            out.append(' ');
                        }
                        lastY = p.getYDirAdj();
                        lastEndX = p.getXDirAdj() + p.getWidthDirAdj();
                        boolean sup = Character.isDigit(p.getUnicode().charAt(0))
                                && p.getYDirAdj() < lineBaseline - 1.5f
                                && p.getFontSizeInPt() < lineSize * 0.9f;
                        if (sup && !raised) {
                            out.append(" ^");
                        } else if (!sup && raised) {
                            out.append(' ');
                        }
                        raised = sup;
                        out.append(p.getUnicode());
                    }
                    writeString(out.toString());
                }
            };
            stripper.setSortByPosition(false);
            stripper.setWordSeparator(" ");
            return tokens(stripper.getText(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Matches every section in order against the PDF's words. Each section starts where its title (or,
     * untitled, its first unit of three words or more) is best found after the previous section's start,
     * and ends a little after the next section's start.
     */
    public static List<Score> compare(List<Section> sections, List<String> pdf) {
        int[] starts = new int[sections.size() + 1];
        int from = 0;
        for (int s = 0; s < sections.size(); s++) {
            Unit anchor = sections.get(s).anchor();
            if (anchor != null) {
                Match m = best(anchor.words(), pdf, from, pdf.size());
                if (m.matched * 2 > anchor.words().size()) {
                    from = m.start;
                }
            }
            starts[s] = from;
        }
        starts[sections.size()] = pdf.size();
        List<Score> scores = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            int end = Math.min(pdf.size(), Math.max(starts[s + 1], starts[s]) + 60);
            int words = 0;
            int matched = 0;
            List<String> missing = new ArrayList<>();
            List<Unit> units = new ArrayList<>();
            if (section.title() != null) {
                units.add(section.title());
            }
            units.addAll(section.units());
            for (Unit unit : units) {
                Match m = best(unit.words(), pdf, Math.max(0, starts[s] - 40), end);
                words += unit.words().size();
                matched += m.matched;
                if (!m.missing.isEmpty()) {
                    missing.add(String.join(" ", m.missing) + "   ⟵ in: " + abbreviate(unit.text()));
                }
            }
            scores.add(new Score(section.name(), words, matched, missing));
        }
        return scores;
    }

    /** Every unit may be anywhere in the PDF: for a form whose pages repeat a title block. */
    public static Score compareAnywhere(String name, List<Unit> units, List<String> pdf) {
        int words = 0;
        int matched = 0;
        List<String> missing = new ArrayList<>();
        for (Unit unit : units) {
            Match m = best(unit.words(), pdf, 0, pdf.size());
            words += unit.words().size();
            matched += m.matched;
            if (!m.missing.isEmpty()) {
                missing.add(String.join(" ", m.missing) + "   ⟵ in: " + abbreviate(unit.text()));
            }
        }
        return new Score(name, words, matched, missing);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 90 ? flat.substring(0, 90) + "…" : flat;
    }

    private record Match(int start, int matched, List<String> missing) {}

    /** The best in-order match of a unit's words inside pdf[from, to): most words matched, then earliest. */
    private static Match best(List<String> unit, List<String> pdf, int from, int to) {
        Match best = new Match(from, 0, List.copyOf(unit));
        if (unit.isEmpty()) {
            return best;
        }
        int heads = Math.min(3, unit.size());
        for (int s = from; s < to; s++) {
            for (int h = 0; h < heads; h++) {
                if (pdf.get(s).equals(unit.get(h))) {
                    Match m = greedy(unit, h, pdf, s, to);
                    if (m.matched > best.matched) {
                        best = m;
                    }
                    break;
                }
            }
            if (best.matched == unit.size()) {
                break;
            }
        }
        return best;
    }

    private static Match greedy(List<String> unit, int head, List<String> pdf, int start, int to) {
        List<String> missing = new ArrayList<>(unit.subList(0, head));
        Set<Integer> used = new HashSet<>();
        int j = start;
        int matched = 0;
        for (int i = head; i < unit.size(); i++) {
            int found = find(unit.get(i), pdf, j, Math.min(to, j + GAP + 1), used);
            if (found >= 0) {
                j = found + 1;
            } else {
                // a run drawn out of line order (bold or italic words painted after the rest of their line)
                found = find(unit.get(i), pdf, Math.max(start, j - REORDER), Math.min(to, j + REORDER), used);
            }
            if (found >= 0) {
                matched++;
                used.add(found);
            } else {
                missing.add(unit.get(i));
            }
        }
        return new Match(start, matched, missing);
    }

    private static int find(String word, List<String> pdf, int from, int to, Set<Integer> used) {
        for (int k = from; k < to; k++) {
            if (!used.contains(k) && pdf.get(k).equals(word)) {
                return k;
            }
        }
        return -1;
    }
}
