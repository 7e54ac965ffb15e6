package io.sello.input;

import io.sello.document.RenderOptions;
import io.sello.support.Fixtures;
import io.sello.support.SeedWords;
import io.sello.support.SeedWords.Score;
import io.sello.support.SeedWords.Unit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, point 5, for seed 000 (Formulario N.5.B); seed 003 is compared in {@code SeedWordsTest}. The seed must be
 * found whole, 100 %, with its mis-encoded accents repaired as the reader repairs them ({@code NÂ°} → {@code N°}): here,
 * in the package of {@link Mojibake}, which nothing outside it needs (issue 18, point 4). Its title block repeats on
 * every page and the seed has five pages where Sello prints four, so each of its cells may be found anywhere in the
 * form.
 */
class Seed000WordsTest {
    @Test
    void seed000IsPrintedWholeWithItsAccentsRepaired() {
        List<Unit> units = new ArrayList<>();
        for (String line : Fixtures.seedText().split("\n")) {
            if (line.isBlank() || line.matches("\\s*\\|[-| ]+\\|\\s*")) {
                continue;
            }
            for (String cell : line.strip().startsWith("|") ? line.split("\\|") : new String[] {line}) {
                for (String part : cell.split("<br>")) {
                    String repaired = Mojibake.repair(part).orElse(part);
                    if (!repaired.isBlank()) {
                        units.add(Unit.of(repaired));
                    }
                }
            }
        }
        List<String> pdf = SeedWords.pdfWords(Fixtures.poaForm()
                .render(Fixtures.seedExample(), RenderOptions.LENIENT)
                .content());
        Score score = SeedWords.compareAnywhere("Formulario N.5.B (seed 000)", units, pdf);
        System.out.println("Seed 000, words found in the PDF:\n" + score + "\nmissing: " + score.missing());
        assertThat(score.missing()).as(score.toString()).isEmpty();
        assertThat(score.words()).isGreaterThan(1000);
    }
}
