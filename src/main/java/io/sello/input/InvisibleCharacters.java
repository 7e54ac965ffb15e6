package io.sello.input;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

/**
 * Characters that make printed text differ from the data a reviewer approved. A right-to-left
 * override in a name ("Ana\u202Eanuj") prints reversed; a zero-width break or a control character
 * hides text from search and from the reviewer; an unpaired surrogate is broken UTF-16 that fonts
 * print as a box. Official documents carry none of them, so they are refused, not silently removed.
 * Tabs and line breaks stay: paragraphs and addresses use them.
 *
 * <p>Issue 14: every code point with Unicode's {@code Default_Ignorable_Code_Point} property (read from
 * ICU4J, so it follows the Unicode version ICU ships) prints as nothing, so the signed data could
 * carry text the printout does not show: tag characters (U+E0000 block, which can spell a hidden
 * ASCII message), the Hangul fillers U+3164, U+115F, U+1160, U+FFA0, U+180E, the soft hyphen,
 * variation selectors. They are all refused. Two exceptions keep emoji in free text whole, because
 * there the character changes the picture printed rather than hiding anything:
 * <ul>
 *   <li>U+200D ZERO WIDTH JOINER between two emoji (👩‍💻 is 👩 U+200D 💻), optionally after a skin tone or
 *       U+FE0F; anywhere else, such as between letters, it is refused;</li>
 *   <li>U+FE0E and U+FE0F (text and emoji presentation) right after a character that has an emoji form (❤️, 1️⃣).</li>
 * </ul>
 * U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR are not default-ignorable, but neither renderer
 * breaks a line on them and the fonts have no glyph, so they print as nothing too. A single-line field
 * (a name, a code, a title) must not hold a line break of that kind; paragraphs break lines with
 * {@code \n}, so they are refused in every field, with a message saying so.
 */
final class InvisibleCharacters {
    private static final int ZWJ = 0x200D;
    private static final int TEXT_PRESENTATION = 0xFE0E;
    private static final int EMOJI_PRESENTATION = 0xFE0F;

    private InvisibleCharacters() {}

    /**
     * @return what is wrong, naming the character (U+…) and its position (counted in characters as a
     * reader counts them, so an emoji is one), or {@code null} when the text is clean
     */
    static String find(String text) {
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            position++;
            if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1)))) {
                return message("an unpaired surrogate (broken UTF-16)", c, position);
            }
            int cp = text.codePointAt(i);
            String what = describe(text, i, cp);
            if (what != null) {
                return message(what, cp, position);
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static String message(String what, int cp, int position) {
        return "contains " + what + String.format(" (U+%04X) at character %d; remove it", cp, position);
    }

    private static String describe(String text, int i, int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return null;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            return "a control character";
        }
        if ((cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E
                || cp == 0x200F
                || cp == 0x061C) {
            return "an invisible bidirectional control, which can make the printed text read differently from the data";
        }
        if (cp == 0x2028 || cp == 0x2029) {
            return (cp == 0x2028 ? "a line separator" : "a paragraph separator")
                    + ", which prints as nothing: a single-line field cannot hold one, and paragraphs break lines with \\n";
        }
        if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF) {
            return "an invisible character";
        }
        if (!UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
            return null;
        }
        if (cp == ZWJ) {
            return joinsEmoji(text, i)
                    ? null
                    : "a zero width joiner outside an emoji sequence, which prints as nothing";
        }
        if (cp == TEXT_PRESENTATION || cp == EMOJI_PRESENTATION) {
            return i > 0 && UCharacter.hasBinaryProperty(text.codePointBefore(i), UProperty.EMOJI)
                    ? null
                    : "a variation selector that follows no emoji, which prints as nothing";
        }
        if (cp >= 0xE0000 && cp <= 0xE007F) {
            return "a tag character, which prints as nothing but can carry hidden text";
        }
        if (cp == 0x3164 || cp == 0x115F || cp == 0x1160 || cp == 0xFFA0) {
            return "a Hangul filler, which prints as blank space";
        }
        if (cp == 0x180E) {
            return "a Mongolian vowel separator, which prints as nothing";
        }
        if (cp == 0x00AD) {
            return "a soft hyphen, which prints as nothing (or as a hyphen only at a line break)";
        }
        return "a default-ignorable character, which prints as nothing";
    }

    /** Whether the joiner at {@code i} sits between two emoji: 👩‍💻, 👩🏽‍💻, ❤️‍🔥. */
    private static boolean joinsEmoji(String text, int i) {
        int before = i;
        while (before > 0) {
            int cp = text.codePointBefore(before);
            if (cp == EMOJI_PRESENTATION || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_MODIFIER)) {
                before -= Character.charCount(cp);
            } else {
                break;
            }
        }
        int after = i + 1;
        return before > 0
                && after < text.length()
                && UCharacter.hasBinaryProperty(text.codePointBefore(before), UProperty.EXTENDED_PICTOGRAPHIC)
                && UCharacter.hasBinaryProperty(text.codePointAt(after), UProperty.EXTENDED_PICTOGRAPHIC);
    }
}
