package io.sello.text;

import io.sello.format.NumberStyle;
import io.sello.format.SpanishAmounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns paragraphs into what the HTML templates print: one map per run with {@code text}, {@code bold},
 * {@code italic}, {@code underline} and {@code note} (the footnote number, 0 for none). A footnote keeps the
 * number its source gives it; one without continues after the highest number used so far in the document,
 * notes under tables that carry their number as a superscript included ({@link #noteNumbered}), so that
 * the numbers of one document never repeat. {@link #takeNotes()} hands over those referenced since the last call.
 */
public final class ParagraphLayout {
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final Pattern LEADING_SUPERSCRIPT = Pattern.compile("\\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\\s");
    private final NumberStyle numbers;
    private final List<Map<String, Object>> pendingNotes = new ArrayList<>();
    private int lastNote;

    public ParagraphLayout(NumberStyle numbers) {
        this.numbers = numbers;
    }

    public List<Map<String, Object>> runs(Paragraph paragraph) {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Run run : paragraph.runs()) {
            if (run instanceof Run.Footnote footnote) {
                int number = footnote.number() > 0 ? footnote.number() : lastNote + 1;
                lastNote = Math.max(lastNote, number);
                pendingNotes.add(Map.of("number", number, "text", footnote.note()));
                runs.add(Map.of("text", "", "bold", false, "italic", false, "underline", false, "note", number));
            } else if (run instanceof Run.Money money) {
                runs.add(styled(
                        SpanishAmounts.legal(
                                money.money().amount(), money.money().currency(), numbers),
                        money.emphasis()));
            } else {
                Run.Text text = (Run.Text) run;
                runs.add(styled(text.text(), text.emphasis()));
            }
        }
        return runs;
    }

    /**
     * A note the source prints under a table with its number as a superscript ({@code "⁴ El indicador …"})
     * takes that number: later automatic references continue after it, so that no two notes share one.
     */
    public void noteNumbered(Paragraph note) {
        if (note.runs().get(0) instanceof Run.Text text) {
            var leading = LEADING_SUPERSCRIPT.matcher(text.text());
            if (leading.lookingAt()) {
                int number = 0;
                for (char c : leading.group(1).toCharArray()) {
                    number = number * 10 + SUPERSCRIPT_DIGITS.indexOf(c);
                }
                lastNote = Math.max(lastNote, number);
            }
        }
    }

    public List<List<Map<String, Object>>> paragraphs(List<Paragraph> paragraphs) {
        List<List<Map<String, Object>>> result = new ArrayList<>();
        for (Paragraph paragraph : paragraphs) {
            result.add(runs(paragraph));
        }
        return result;
    }

    /** The footnotes referenced since the previous call, as {@code number} and {@code text}. */
    public List<Map<String, Object>> takeNotes() {
        List<Map<String, Object>> notes = List.copyOf(pendingNotes);
        pendingNotes.clear();
        return notes;
    }

    private static Map<String, Object> styled(String text, Emphasis emphasis) {
        return Map.of(
                "text",
                text,
                "bold",
                emphasis.bold(),
                "italic",
                emphasis.italic(),
                "underline",
                emphasis.underline(),
                "note",
                0);
    }
}
