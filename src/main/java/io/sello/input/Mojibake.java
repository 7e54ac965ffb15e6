package io.sello.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Repairs text that was UTF-8 but got decoded as Windows-1252/Latin-1 somewhere upstream, the fault
 * seen in seed 000 ({@code NÂ°} for {@code N°}, {@code AÃ±o} for {@code Año}).
 *
 * <p>Only a complete, valid UTF-8 sequence is rewritten, so genuine Latin-1 text such as
 * {@code Ñandú} or {@code 1º} is left alone.
 */
final class Mojibake {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private Mojibake() {}

    /** The repaired text, or empty when there was nothing to repair. */
    public static Optional<String> repair(String text) {
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            int lead = byteOf(text.charAt(i));
            int continuation = continuationCount(lead);
            String decoded = continuation > 0 ? decode(text, i, continuation) : null;
            if (decoded != null) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(decoded);
                i += continuation + 1;
            } else {
                if (out != null) {
                    out.append(text.charAt(i));
                }
                i++;
            }
        }
        return out == null ? Optional.empty() : Optional.of(out.toString());
    }

    private static int continuationCount(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 1;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 2;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 3;
        }
        return 0;
    }

    private static String decode(String text, int start, int continuation) {
        if (start + continuation >= text.length()) {
            return null;
        }
        byte[] bytes = new byte[continuation + 1];
        for (int k = 0; k <= continuation; k++) {
            int b = byteOf(text.charAt(start + k));
            if (b < 0 || (k > 0 && (b & 0xC0) != 0x80)) {
                return null;
            }
            bytes[k] = (byte) b;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    /** The single byte a mis-decoding would have turned into {@code c}, or -1. */
    private static int byteOf(char c) {
        if (c < 0x80) {
            return c;
        }
        if (c <= 0xFF) {
            return c; // Latin-1, and the C1 controls a Latin-1 decoder leaves behind
        }
        byte[] encoded = String.valueOf(c).getBytes(CP1252);
        return encoded.length == 1 && encoded[0] != '?' ? encoded[0] & 0xFF : -1;
    }
}
