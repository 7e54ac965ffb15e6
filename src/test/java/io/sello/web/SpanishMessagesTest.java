package io.sello.web;

import io.sello.support.Fixtures;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message the service produces for bad input reads in Spanish through {@link SpanishMessages}: each message
 * {@link MessageHarvest} gathers, and each problem once through {@link SpanishAnswers}, must be free of English words
 * once what the client sent («…»), pointers, header names and the contract's own keys ("…", […]) are set aside. A
 * message left in English fails with the message shown; a shape of the catalogue that no message uses fails too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpanishMessagesTest {
    /** Whole words that give English away (none of them is also Spanish). */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(expected|must|but|got|required|unknown|field|fields"
                    + "|characters|exactly|least|most|amount|amounts|date|number|string|array|object|only|allowed|the|is|are|was"
                    + "|of|and|or|not|than|more|to|at|with|should|cannot|could|send|retry|too|many|invalid|missing|wrong|figure"
                    + "|printed|declared|computed|already|please|retry|sign|such|as|when|which|this|that|these|there|from)\\b",
            // Unicode word boundaries: since JDK 19, a plain \b is ASCII-only, so "vacías" ends in a word "as".
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private final SpanishMessages catalogue = SpanishMessages.CATALOGUE;
    private final Set<Integer> shapesUsed = new HashSet<>();
    private Map<String, String> english;
    private Map<String, String> spanishProblems;

    @BeforeAll
    void gather() throws Exception {
        MessageHarvest harvest = MessageHarvest.gather();
        english = harvest.english;
        spanishProblems = harvest.spanishProblems;
    }

    /** The English words left in a text once the client's values, pointers, paths and the contract's keys are set aside. */
    static Set<String> englishIn(String text) {
        String masked = text.replaceAll("«[^»]*»", " ")
                .replaceAll("\"[^\"]*\"", " ")
                .replaceAll("\\[[^\\]]*]", " ")
                .replaceAll("(?<![\\p{L}\\d])/\\S*", " ")
                .replaceAll("sello\\.[\\w.-]+", " ")
                .replaceAll("\\b[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)+\\b", " "); // header names: Retry-After, X-Api-Key
        Set<String> words = new TreeSet<>();
        Matcher found = ENGLISH.matcher(masked);
        while (found.find()) {
            words.add(found.group());
        }
        return words;
    }

    @Test
    void gathersTheMessagesOfEveryReader() {
        // a floor, so that a harvest that quietly stopped working (every body refused for one reason) is noticed
        assertThat(english.size()).as("distinct English messages gathered").isGreaterThan(150);
        assertThat(english.keySet())
                .anyMatch(m -> m.startsWith("unknown field"))
                .anyMatch(m -> m.startsWith("expected a real date"))
                .anyMatch(m -> m.startsWith("contains "))
                .anyMatch(m -> m.startsWith("does not have any of the forms"))
                .anyMatch(m -> m.startsWith("repaired mis-encoded"))
                .anyMatch(m -> m.startsWith("expected at most ") && m.contains(" characters but got "));
    }

    @Test
    void everyMessageReadsInSpanish() throws Exception {
        List<String> leftInEnglish = new ArrayList<>();
        StringBuilder review = new StringBuilder();
        english.forEach((message, origin) -> {
            String spanish = catalogue.translate(message, shapesUsed::add);
            review.append(message).append("\n  ").append(spanish).append("\n");
            Set<String> words = englishIn(spanish);
            if (!words.isEmpty()) {
                leftInEnglish.add(words + " in «" + spanish + "» (from " + origin + ")");
            }
        });
        // both texts side by side, for a reader who judges the wording rather than the words
        Files.write(
                Files.createDirectories(Path.of("target")).resolve("spanish-messages.txt"),
                review.toString().getBytes(StandardCharsets.UTF_8)); // an unpaired surrogate becomes ?
        assertThat(leftInEnglish)
                .as("messages with English left in them, of %d gathered", english.size())
                .isEmpty();
    }

    @Test
    void everyProblemReadsInSpanishThroughTheAdvice() {
        List<String> leftInEnglish = new ArrayList<>();
        spanishProblems.forEach((text, origin) -> {
            Set<String> words = englishIn(text);
            if (!words.isEmpty()) {
                leftInEnglish.add(words + " in «" + text + "» (from " + origin + ")");
            }
        });
        assertThat(leftInEnglish)
                .as("problem texts with English left in them, of %d", spanishProblems.size())
                .isEmpty();
    }

    @Test
    void everyShapeOfTheCatalogueIsUsed() {
        english.keySet().forEach(message -> catalogue.translate(message, shapesUsed::add));
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < catalogue.size(); i++) {
            if (!shapesUsed.contains(i)) {
                unused.add(catalogue.shape(i));
            }
        }
        // a shape no gathered message uses is either dead or a message this test does not produce yet
        assertThat(unused)
                .as("shapes of messages/es.txt that no gathered message uses")
                .isEmpty();
    }

    @Test
    void clientValuesAndLimitsAreCarriedOverVerbatim() {
        assertThat(catalogue.translate("expected a real date as \"YYYY-MM-DD\" but got \"2021-02-30\""))
                .isEqualTo("Se esperaba una fecha real con el formato AAAA-MM-DD; se recibió «2021-02-30»");
        assertThat(catalogue.translate("expected at most 4000 characters but got 4012"))
                .isEqualTo("Debe tener como mucho 4000 caracteres; tiene 4012");
        assertThat(catalogue.translate("expected at most 2 decimal places but got 1000.001 (nothing is rounded)"))
                .isEqualTo("se admiten como mucho 2 decimales, se recibió 1000.001 (no se redondea)");
        assertThat(catalogue.translate("/activities/3/code: is required (and 2 more, see errors)"))
                .isEqualTo("/activities/3/code: Falta este dato (y 2 más; vea la lista de errores)");
        assertThat(catalogue.translate("must not be before startDate 2020-01-02 but got 2019-01-01"))
                .isEqualTo("No puede ser anterior a la fecha de inicio (startDate) 02/01/2020; se recibió 01/01/2019");
        assertThat(catalogue.translate("something new the catalogue does not know"))
                .isEqualTo("something new the catalogue does not know");
        assertThat(englishIn("something new the catalogue does not know")).contains("the", "not");
        assertThat(englishIn("Campo desconocido «the field»; solo se admiten: [code, only]"))
                .isEmpty();
    }

    /** A date field may echo 100,000 characters of the client's text: no shape may backtrack over it for long. */
    @Test
    void aLongHostileValueIsTranslatedQuickly() {
        String hostile = ": but got \"declared 1 (and 2 more, see errors)".repeat(2_000);
        String message = "expected a real date as \"YYYY-MM-DD\" but got \"" + hostile + "\"";
        long start = System.nanoTime();
        String detail = catalogue.translate("/header/cutOffDate: " + message + " (and 3 more, see errors)");
        String alone = catalogue.translate(message);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(alone)
                .isEqualTo("Se esperaba una fecha real con el formato AAAA-MM-DD; se recibió «" + hostile + "»");
        assertThat(detail).isEqualTo("/header/cutOffDate: " + alone + " (y 3 más; vea la lista de errores)");
        assertThat(millis)
                .as("milliseconds for two messages of %d characters", message.length())
                .isLessThan(2_000);
    }

    @Test
    void acceptLanguagePreference() {
        assertThat(SpanishMessages.prefersSpanish("es-BO,es;q=0.9")).isTrue();
        assertThat(SpanishMessages.prefersSpanish("es")).isTrue();
        assertThat(SpanishMessages.prefersSpanish("en-US,es;q=0.5")).isFalse();
        assertThat(SpanishMessages.prefersSpanish("fr,es;q=0.8,en;q=0.5")).isTrue();
        assertThat(SpanishMessages.prefersSpanish(null)).isFalse();
        assertThat(SpanishMessages.prefersSpanish("*")).isFalse();
        assertThat(SpanishMessages.prefersSpanish("¡no es un encabezado!")).isFalse();
    }

    @Test
    void theCatalogueFileIsWellFormed() {
        assertThat(SpanishMessages.parse("# comment\nis required\n  Falta este dato\n")
                        .translate("is required"))
                .isEqualTo("Falta este dato");
        Assertions.assertThatThrownBy(() -> SpanishMessages.parse("is required\n"))
                .isInstanceOf(IllegalStateException.class);
        Assertions.assertThatThrownBy(() -> SpanishMessages.parse("is required\n Falta\n"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(new String(Fixtures.read(Path.of("src/main/resources/messages/es.txt")), StandardCharsets.UTF_8))
                .doesNotContain("\t");
    }
}
