package io.sello.input;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import io.sello.document.InputFindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 point 5: text that prints is the text that is signed. */
class InvisibleCharactersTest {

    /** Each invisible kind, hidden inside a name, is refused naming the code point and its position. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "tag characters            | E0041 | a tag character",
                "cancel tag                | E007F | a tag character",
                "Hangul filler             | 3164  | a Hangul filler",
                "Hangul choseong filler    | 115F  | a Hangul filler",
                "Hangul jungseong filler   | 1160  | a Hangul filler",
                "halfwidth Hangul filler   | FFA0  | a Hangul filler",
                "Mongolian vowel separator | 180E  | a Mongolian vowel separator",
                "line separator            | 2028  | a line separator",
                "paragraph separator       | 2029  | a paragraph separator",
                "joiner between letters    | 200D  | a zero width joiner outside an emoji sequence",
                "non-joiner                | 200C  | a default-ignorable character",
                "soft hyphen               | 00AD  | a soft hyphen",
                "combining grapheme joiner | 034F  | a default-ignorable character",
                "word joiner               | 2060  | an invisible character",
                "invisible times           | 2062  | a default-ignorable character",
                "variation selector 1      | FE00  | a default-ignorable character",
                "emoji selector after text | FE0F  | a variation selector that follows no emoji",
                "variation selector 17     | E0100 | a default-ignorable character",
                "Khmer inherent vowel      | 17B4  | a default-ignorable character",
                "reserved ignorable        | E0FFF | a default-ignorable character",
            })
    void everyInvisibleKindIsRefusedWithItsCodePointAndPosition(String kind, String hex, String what) {
        String hidden = Character.toString(Integer.parseInt(hex, 16));
        String message = InvisibleCharacters.find("Ana" + hidden + " Quispe");
        assertThat(message)
                .as(kind)
                .startsWith("contains " + what)
                .endsWith("(U+" + hex + ") at character 4; remove it");
    }

    @Test
    void aHiddenTagMessageIsFoundAtItsFirstCharacterCountedAsAReaderCounts() {
        // "Aprobado" followed by the invisible tag spelling "NO": the printout shows only "Aprobado 👍"
        String text = "Aprobado 👍" + tags("NO");
        assertThat(InvisibleCharacters.find(text))
                .isEqualTo(
                        "contains a tag character, which prints as nothing but can carry hidden text (U+E004E) at character 11; remove it");
    }

    @Test
    void everyDefaultIgnorableCodePointIsRefusedWhereNoEmojiSurroundsIt() {
        int checked = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
                assertThat(InvisibleCharacters.find("a" + Character.toString(cp) + "b"))
                        .as("U+%04X", cp)
                        .isNotNull();
                checked++;
            }
        }
        assertThat(checked)
                .as("Default_Ignorable_Code_Point has thousands of code points")
                .isGreaterThan(4000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Arabic, with its own comma and digits
                "وزارة التخطيط، الميزانية ٢٠٢٠",
                "اتفاقية التعاون بين جمهورية بيرو ومملكة بلجيكا",
                // Quechua and Aymara orthography: apostrophes of ejectives, ñ, long vowels
                "Ñawpaq",
                "ch'aki",
                "q'ipi",
                "Tiwanaku",
                "Jach'a",
                "Jach’a Marka",
                "Qhapaq Ñan",
                "Suma qamaña",
                "ñuqanchik",
                // emoji in free text, with a joiner sequence, a skin tone, presentation selectors and a keycap
                "Equipo 👩‍💻 de planificación",
                "👩🏽‍💻 técnica",
                "❤️ y ❤️‍🔥",
                "🏳️‍🌈",
                "1️⃣ primer paso",
                "👨‍👩‍👧",
                // tabs and line breaks in paragraphs
                "Primera línea\nSegunda línea\tcon tabulador",
            })
    void legitimateScriptsAndEmojiAreAccepted(String text) {
        assertThat(InvisibleCharacters.find(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"👩\u200D", "\u200D💻", "a\u200D💻", "👩\u200Db", "👩\u200D\u200D💻"})
    void aJoinerThatDoesNotJoinTwoEmojiIsRefused(String text) {
        assertThat(InvisibleCharacters.find(text))
                .contains("a zero width joiner outside an emoji sequence", "(U+200D)");
    }

    /** One signatory of a request, bound as the contract path binds every request (RequestBinding). */
    record Signatory(String name) {}

    private static String bound(String name, InputFindings findings) {
        ObjectNode part = JsonMapper.builder().build().createObjectNode().put("name", name);
        return RequestBinding.bind(part, "/signatories/0", Signatory.class, findings)
                .name();
    }

    @Test
    void theFieldIsNamedAndMisEncodedTextIsStillRepaired() {
        InputFindings findings = new InputFindings();
        assertThat(bound("UNIDAD DE PLANIFICACIÃ\u0093N", findings)).isEqualTo("UNIDAD DE PLANIFICACIÓN");
        // mis-decoded "í" is Ã followed by a soft hyphen: repaired, not refused
        assertThat(bound("PolicÃ\u00ADa", findings)).isEqualTo("Policía");
        assertThat(findings.hasErrors()).isFalse();
        assertThat(findings.warnings())
                .extracting(warning -> warning.pointer() + " " + warning.code())
                .containsExactly("/signatories/0/name text-repaired", "/signatories/0/name text-repaired");

        bound("Ana\u3164Quispe", findings);
        assertThat(findings.errors()).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo("/signatories/0/name");
            assertThat(error.message()).contains("Hangul filler", "U+3164", "at character 4");
        });
    }

    private static String tags(String ascii) {
        StringBuilder tags = new StringBuilder();
        ascii.chars().forEach(c -> tags.appendCodePoint(0xE0000 + c));
        return tags.toString();
    }
}
