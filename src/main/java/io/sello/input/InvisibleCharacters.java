package io.sello.input;

/**
 * Characters that make printed text differ from the data a reviewer approved. A right-to-left
 * override in a name ("Ana\u202Eanuj") prints reversed; a zero-width break or a control character
 * hides text from search and from the reviewer; an unpaired surrogate is broken UTF-16 that fonts
 * print as a box. Official documents carry none of them, so they are refused, not silently removed.
 * Tabs and line breaks stay: paragraphs and addresses use them.
 */
final class InvisibleCharacters {
    private InvisibleCharacters() {
    }

    /** @return what is wrong, naming the character and its position, or {@code null} when the text is clean */
    static String find(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String what = describe(text, i, c);
            if (what != null) {
                return "contains " + what + String.format(" (U+%04X) at character %d; remove it", (int) c, i + 1);
            }
        }
        return null;
    }

    private static String describe(String text, int i, char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return null;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return "a control character";
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C) {
            return "an invisible bidirectional control, which can make the printed text read differently from the data";
        }
        if (c == 0x200B || c == 0x2060 || c == 0xFEFF) {
            return "an invisible character";
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? null : "an unpaired surrogate (broken UTF-16)";
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? null : "an unpaired surrogate (broken UTF-16)";
        }
        return null;
    }
}
