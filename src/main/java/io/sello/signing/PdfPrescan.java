package io.sello.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.InflaterInputStream;

/**
 * One pass over an uploaded PDF's raw bytes that enforces {@link PdfLimits} before OpenPDF parses it
 * (issue 14): OpenPDF recurses once per nesting level, sizes its object table from {@code /Size},
 * inflates cross-reference and object streams whole into memory, and the verifier copies the file
 * once per signature field. So nesting, objects, revisions and signature fields are counted here, and
 * every Flate stream is inflated into a scratch buffer and only counted, stopping at the limit.
 * Objects inside object streams are not seen here; the verifier checks what it finds there again.
 */
public final class PdfPrescan {
    private static final Pattern FILTERS = Pattern.compile("/Filter\\s*(\\[[^\\]]*]|/[A-Za-z0-9]+)");
    private static final Pattern FILTER_NAME = Pattern.compile("/([A-Za-z0-9]+)");

    private final byte[] pdf;
    private final PdfLimits limits;
    private final byte[] scratch = new byte[1 << 16];
    private long inflated;
    private int objects;
    private int revisions;
    private int signatureFields;

    private PdfPrescan(byte[] pdf, PdfLimits limits) {
        this.pdf = pdf;
        this.limits = limits;
    }

    /** @throws PdfRefusedException at the first limit the file crosses */
    public static void check(byte[] pdf, PdfLimits limits) {
        new PdfPrescan(pdf, limits).scan();
    }

    private void scan() {
        int depth = 0;
        int lastObject = 0;
        String previousName = null;
        int i = 0;
        int n = pdf.length;
        while (i < n) {
            byte b = pdf[i];
            switch (b) {
                case '%' -> {
                    if (startsWith(i, "%%EOF") && ++revisions > limits.maxRevisions()) {
                        throw PdfRefusedException.overLimit(
                                "max-revisions", limits.maxRevisions(), "more incremental revisions");
                    }
                    while (i < n && pdf[i] != '\n' && pdf[i] != '\r') {
                        i++;
                    }
                }
                case '(' -> i = skipLiteralString(i);
                case '<' -> {
                    if (i + 1 < n && pdf[i + 1] == '<') {
                        depth = deeper(depth);
                        i += 2;
                    } else {
                        while (i < n && pdf[i] != '>') {
                            i++;
                        }
                        i++;
                    }
                }
                case '>' -> {
                    depth = Math.max(0, depth - 1);
                    i += i + 1 < n && pdf[i + 1] == '>' ? 2 : 1;
                }
                case '[' -> {
                    depth = deeper(depth);
                    i++;
                }
                case ']' -> {
                    depth = Math.max(0, depth - 1);
                    i++;
                }
                case '/' -> {
                    int start = ++i;
                    while (i < n && regular(pdf[i])) {
                        i++;
                    }
                    String name = new String(pdf, start, i - start, StandardCharsets.ISO_8859_1);
                    if ("Sig".equals(name)
                            && "FT".equals(previousName)
                            && ++signatureFields > limits.maxSignatureFields()) {
                        throw PdfRefusedException.overLimit(
                                "max-signature-fields", limits.maxSignatureFields(), "more signature fields");
                    }
                    if ("Size".equals(name)) {
                        checkDeclaredSize(i);
                    }
                    previousName = name;
                }
                default -> {
                    if (!regular(b)) {
                        i++;
                        continue;
                    }
                    int start = i;
                    while (i < n && regular(pdf[i])) {
                        i++;
                    }
                    int length = i - start;
                    if (length == 3 && startsWith(start, "obj")) {
                        lastObject = start;
                        if (++objects > limits.maxObjects()) {
                            throw PdfRefusedException.overLimit("max-objects", limits.maxObjects(), "more objects");
                        }
                    } else if (length == 6 && startsWith(start, "stream")) {
                        i = stream(lastObject, i);
                        depth = 0;
                    }
                    previousName = null;
                }
            }
        }
    }

    private int deeper(int depth) {
        if (depth + 1 > limits.maxDepth()) {
            throw PdfRefusedException.overLimit("max-depth", limits.maxDepth(), "arrays or dictionaries nested deeper");
        }
        return depth + 1;
    }

    /** {@code /Size n}: the object count a cross-reference section declares, which the parser allocates for. */
    private void checkDeclaredSize(int at) {
        int i = at;
        while (i < pdf.length && whitespace(pdf[i])) {
            i++;
        }
        long size = 0;
        int digits = 0;
        while (i < pdf.length && pdf[i] >= '0' && pdf[i] <= '9' && digits < 12) {
            size = size * 10 + (pdf[i++] - '0');
            digits++;
        }
        if (digits > 0 && size > limits.maxObjects() + 1L) {
            throw PdfRefusedException.overLimit(
                    "max-objects", limits.maxObjects(), "a cross-reference section declares " + size + " objects");
        }
    }

    /** Counts what the stream after the keyword at {@code keywordEnd} inflates to; returns where its data ends. */
    private int stream(int objectStart, int keywordEnd) {
        int data = keywordEnd;
        if (data < pdf.length && pdf[data] == '\r') {
            data++;
        }
        if (data < pdf.length && pdf[data] == '\n') {
            data++;
        }
        int end = indexOf("endstream", data);
        if (end < 0) {
            end = pdf.length;
        }
        String dictionary =
                new String(pdf, objectStart, Math.min(keywordEnd - objectStart, 1 << 16), StandardCharsets.ISO_8859_1);
        List<String> filters = new ArrayList<>();
        Matcher filter = FILTERS.matcher(dictionary);
        if (filter.find()) {
            Matcher name = FILTER_NAME.matcher(filter.group(1));
            while (name.find()) {
                filters.add(name.group(1));
            }
        }
        count(data, end - data, filters);
        return end + "endstream".length();
    }

    /** Decodes the leading Flate and ASCIIHex filters as a stream and counts the bytes, holding none of them. */
    private void count(int offset, int length, List<String> filters) {
        InputStream in = new ByteArrayInputStream(pdf, offset, length);
        boolean amplifies = false;
        for (String f : filters) {
            if (f.equals("FlateDecode") || f.equals("Fl")) {
                in = new InflaterInputStream(in);
                amplifies = true;
            } else if (f.equals("ASCIIHexDecode") || f.equals("AHx")) {
                in = new AsciiHex(in);
            } else {
                break;
            }
        }
        if (!amplifies) {
            return;
        }
        long streamBytes = 0;
        try (InputStream decoded = in) {
            int read;
            while ((read = decoded.read(scratch)) > 0) {
                streamBytes += read;
                inflated += read;
                if (streamBytes > limits.maxStreamSize().toBytes()) {
                    throw PdfRefusedException.overLimit(
                            "max-stream-size", limits.maxStreamSize(), "a stream inflates to more");
                }
                if (inflated > limits.maxDecompressedSize().toBytes()) {
                    throw PdfRefusedException.overLimit(
                            "max-decompressed-size", limits.maxDecompressedSize(), "its streams inflate to more");
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw PdfRefusedException.unreadable("verification was stopped");
                }
            }
        } catch (IOException damaged) {
            // A damaged stream inflates to what it inflates to; the parser decides whether the file is readable.
        }
    }

    private int skipLiteralString(int at) {
        int nesting = 0;
        int i = at;
        while (i < pdf.length) {
            byte b = pdf[i++];
            if (b == '\\') {
                i++;
            } else if (b == '(') {
                nesting++;
            } else if (b == ')' && --nesting == 0) {
                return i;
            }
        }
        return i;
    }

    private boolean startsWith(int at, String text) {
        if (at + text.length() > pdf.length) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (pdf[at + k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(String text, int from) {
        byte first = (byte) text.charAt(0);
        for (int i = from; i + text.length() <= pdf.length; i++) {
            if (pdf[i] == first && startsWith(i, text)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean whitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
    }

    private static boolean regular(byte b) {
        return !whitespace(b) && "()<>[]{}/%".indexOf(b) < 0;
    }

    /** ASCIIHexDecode as a stream: pairs of hex digits, whitespace ignored, {@code >} ends it. */
    private static final class AsciiHex extends InputStream {
        private final InputStream in;

        AsciiHex(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int high = digit();
            if (high < 0) {
                return -1;
            }
            int low = digit();
            return (high << 4) | Math.max(low, 0);
        }

        private int digit() throws IOException {
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '>') {
                    return -1;
                }
                int d = Character.digit(c, 16);
                if (d >= 0) {
                    return d;
                }
            }
            return -1;
        }
    }
}
