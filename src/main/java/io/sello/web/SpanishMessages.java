package io.sello.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spanish wording of the service's English messages, for the staff pages. The English texts stay the
 * source of truth (systems parse them and they are built by concatenation all over the readers), so the
 * catalogue {@code messages/es.txt} holds message shapes: a regular expression matching a whole English
 * message, then, indented on the next line, its Spanish template. {@code {n}} carries capture group n over
 * verbatim (field names, client values, limits); {@code {n:t}} translates the captured English phrase with
 * the same catalogue first (a "what" such as {@code the string "x"} inside a larger message); {@code {n:d}} writes a
 * date the service formatted (2020-01-02) as the pages show dates, 02/01/2020 (never a client's raw text). The first
 * matching shape wins; a message no shape matches is returned as it is (the completeness test catches it).
 */
final class SpanishMessages {
    static final SpanishMessages CATALOGUE = load("/messages/es.txt");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(:[td])?}");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private final List<Shape> shapes;

    private SpanishMessages(List<Shape> shapes) {
        this.shapes = List.copyOf(shapes);
    }

    /** The Spanish text of {@code english}; {@code null} stays {@code null}, an unknown message stays English. */
    String translate(String english) {
        return translate(english, shape -> {});
    }

    /** As {@link #translate(String)}, telling {@code used} the index of each shape applied (tests check that none is dead). */
    String translate(String english, IntConsumer used) {
        if (english == null) {
            return null;
        }
        for (int i = 0; i < shapes.size(); i++) {
            Matcher match = shapes.get(i).english().matcher(english);
            if (match.matches()) {
                used.accept(i);
                return fill(shapes.get(i).spanish(), match, used);
            }
        }
        return english;
    }

    /** The English regular expression of shape {@code index}, to name it in a test's failure. */
    String shape(int index) {
        return shapes.get(index).english().pattern();
    }

    private String fill(String template, Matcher match, IntConsumer used) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            String part = match.group(Integer.parseInt(placeholder.group(1)));
            if (part == null) {
                part = "";
            } else if (":t".equals(placeholder.group(2))) {
                part = translate(part, used);
            } else if (":d".equals(placeholder.group(2))) {
                part = ISO_DATE.matcher(part).replaceAll("$3/$2/$1");
            }
            placeholder.appendReplacement(text, Matcher.quoteReplacement(part));
        }
        placeholder.appendTail(text);
        return text.toString();
    }

    /** How many shapes the catalogue holds (a test checks each has examples). */
    int size() {
        return shapes.size();
    }

    static SpanishMessages load(String resource) {
        try (InputStream in = SpanishMessages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines starting with # are comments; a shape is a line at the margin followed by its template, indented by two spaces. */
    static SpanishMessages parse(String text) {
        List<Shape> shapes = new ArrayList<>();
        String english = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                if (english != null) {
                    throw new IllegalStateException(
                            "messages line " + (number - 1) + ": a shape without its Spanish template");
                }
                english = line;
            } else {
                if (english == null) {
                    throw new IllegalStateException(
                            "messages line " + number + ": a template without its English shape");
                }
                if (!line.startsWith("  ")) {
                    throw new IllegalStateException(
                            "messages line " + number + ": a template is indented by two spaces");
                }
                // Only the indentation goes: a fragment such as " (y 2 más…)" keeps its leading space.
                shapes.add(new Shape(
                        Pattern.compile(english, Pattern.DOTALL),
                        line.substring(2).stripTrailing()));
                english = null;
            }
        }
        if (english != null) {
            throw new IllegalStateException("messages: the last shape has no Spanish template");
        }
        return new SpanishMessages(shapes);
    }

    /**
     * Whether the client prefers Spanish: the best match of its Accept-Language among the languages the service
     * writes (English first, so that a header without preference, or none, keeps the English answers).
     */
    static boolean prefersSpanish(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return "es".equals(Locale.lookupTag(ranges, List.of("en", "es")));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private record Shape(Pattern english, String spanish) {}
}
