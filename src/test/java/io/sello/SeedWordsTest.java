package io.sello;

import io.sello.document.RenderOptions;
import io.sello.support.Fixtures;
import io.sello.support.SeedWords;
import io.sello.support.SeedWords.Score;
import io.sello.support.SeedWords.Section;
import io.sello.support.SeedWords.Unit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, point 5: the whole seed, not only its figures. A reviewer compares the source documents
 * word by word with what Sello prints ({@link SeedWords} says how words are normalised and matched).
 *
 * <p>Seed 003 (the amendment and its Plan Operativo annex) must be found section by section, in order,
 * at 99.5 % or more. The documented allowances: the index's page numbers, which are regenerated
 * (dropped from the seed's index lines); the amendment's amounts, written in one form (numbers compare
 * by their digits, so the seed's {@code 3'283.290.00} is {@code 3,283,290.00}); the discrepancy notes,
 * which only add words to the PDF; and, until the budget engine prints declared figures within rounding
 * (issue 13 point 1, another branch), the rounding-class declared figures of
 * docs/reconciliation-seed-003.md, which count as allowed and are listed; likewise the declared figures of
 * the real errors there, which print as computed with the declared figure in the discrepancy note. A table
 * row of the seed is one unit, its cells read in order.
 *
 * <p>Seed 000 is compared in {@code io.sello.input.Seed000WordsTest}, next to the repair of its accents.
 */
class SeedWordsTest {
    static final Path SEED_003 = Path.of("src/test/resources/seeds/003_decd2e9a32446ca2.txt");
    static final Path AMENDMENT = Path.of("examples/agreement-amendment/pcc-peru-2008.json");
    static final Path PLAN = Path.of("examples/operational-plan/pcc-plan-operativo-2008.json");
    static final Path RECONCILIATION = Path.of("docs/reconciliation-seed-003.md");

    @Test
    void seed003IsPrintedWordForWordSectionBySection() {
        List<Section> sections = seed003Sections();
        List<String> pdf = SeedWords.pdfWords(Fixtures.amendment()
                .render(Fixtures.read(AMENDMENT), RenderOptions.LENIENT)
                .content());
        List<Score> scores = SeedWords.compare(sections, pdf);
        Set<String> roundingFigures = declaredFigures("rounding");
        Set<String> errorFigures = declaredFigures("\\*\\*error\\*\\*");

        int words = 0;
        int matched = 0;
        List<String> allowed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        StringBuilder report = new StringBuilder("Seed 003, words found in the PDF by section:\n");
        for (Score score : scores) {
            report.append(score).append('\n');
            words += score.words();
            matched += score.matched();
            for (String line : score.missing()) {
                String words_ = line.substring(0, line.indexOf("   ⟵"));
                List<String> rest = new ArrayList<>();
                for (String word : words_.split(" ")) {
                    if (roundingFigures.contains(word)) {
                        allowed.add(word + " (" + score.section() + ")");
                    } else if (errorFigures.contains(word)) {
                        errors.add(word + " (" + score.section() + ")");
                    } else {
                        rest.add(word);
                    }
                }
                if (!rest.isEmpty()) {
                    missing.add(score.section() + ": " + String.join(" ", rest) + line.substring(line.indexOf("   ⟵")));
                }
            }
        }
        double strict = 100.0 * matched / words;
        double withAllowances = 100.0 * (matched + allowed.size() + errors.size()) / words;
        report.append(String.format(
                Locale.ROOT,
                "TOTAL %d/%d words = %.2f %%; with %d allowed rounding-class and %d real-error figures %.2f %%%n",
                matched,
                words,
                strict,
                allowed.size(),
                errors.size(),
                withAllowances));
        report.append("allowed (rounding-class declared figures, printed as computed until point 1 lands): ")
                .append(allowed)
                .append('\n');
        report.append(
                        "allowed (real errors: the computed figure is printed, the declared one in the discrepancy note): ")
                .append(errors)
                .append('\n');
        report.append("missing:\n");
        missing.forEach(m -> report.append("  ").append(m).append('\n'));
        System.out.println(report);
        assertThat(withAllowances).as(report.toString()).isGreaterThanOrEqualTo(99.5);
    }

    /** Cuts seed 003 into the amendment, the annex's cover, index and abbreviations, and every section of the annex. */
    static List<Section> seed003Sections() {
        List<String> lines = List.of(new String(Fixtures.read(SEED_003), StandardCharsets.UTF_8).split("\n"));
        List<String> titles = new ArrayList<>();
        JsonNode plan = JsonMapper.builder().build().readTree(Fixtures.read(PLAN));
        plan.get("sections").forEach(s -> titles(s, titles));

        List<Section> sections = new ArrayList<>();
        int anexo = indexOf(lines, "Anexo:", 0);
        int index = indexOf(lines, "Indice", anexo);
        int abbreviations = indexOf(lines, "Abreviaciones", index);
        int first = lines.indexOf(titles.get(0));
        sections.add(section("Enmienda", null, lines.subList(0, anexo + 1), false));
        sections.add(section("Anexo: portada", null, lines.subList(anexo + 1, index), false));
        sections.add(section("Anexo: índice", null, lines.subList(index, abbreviations), true));
        sections.add(section("Anexo: abreviaciones", null, lines.subList(abbreviations, first), false));
        int at = first;
        for (int t = 0; t < titles.size(); t++) {
            int next = t + 1 < titles.size()
                    ? lines.subList(at + 1, lines.size()).indexOf(titles.get(t + 1)) + at + 1
                    : lines.size();
            assertThat(next)
                    .as("seed line of section %s", t + 1 < titles.size() ? titles.get(t + 1) : "end")
                    .isGreaterThan(at);
            sections.add(section(titles.get(t), Unit.of(titles.get(t)), lines.subList(at + 1, next), false));
            at = next;
        }
        return sections;
    }

    private static Section section(String name, Unit title, List<String> lines, boolean index) {
        List<Unit> units = new ArrayList<>();
        for (String line : lines) {
            // the index's page numbers are regenerated from the real layout
            String text = index ? line.replaceAll("\\t\\d+\\s*$", "") : line;
            // a table row is one unit: its cells in order, as a reviewer reads the row
            if (!text.isBlank()) {
                units.add(Unit.of(text.replace('\t', ' ')));
            }
        }
        return new Section(name, title, units);
    }

    private static int indexOf(List<String> lines, String prefix, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("seed 003 has no line starting " + prefix);
    }

    private static void titles(JsonNode section, List<String> titles) {
        titles.add(section.get("title").stringValue());
        if (section.has("sections")) {
            section.get("sections").forEach(s -> titles(s, titles));
        }
    }

    /** The declared figures of one class (a regex) in docs/reconciliation-seed-003.md, as digit words. */
    static Set<String> declaredFigures(String kind) {
        Set<String> figures = new LinkedHashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| " + kind + " \\|(?:[^|]*\\|){3} (-?[\\d.]+) \\|")
                .matcher(new String(Fixtures.read(RECONCILIATION), StandardCharsets.UTF_8));
        while (row.find()) {
            figures.add(row.group(1).replaceAll("[^\\d]", ""));
        }
        assertThat(figures).isNotEmpty();
        return figures;
    }
}
