package io.sello.text;

import io.sello.format.NumberStyle;
import io.sello.format.SpanishAmounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns paragraphs into what the HTML templates print: one map per run with {@code text}, {@code bold},
 * {@code italic}, {@code underline} and {@code note} (the footnote number, 0 for none). Footnotes are
 * numbered through the document; {@link #takeNotes()} hands over those referenced since the last call.
 */
public final class ParagraphLayout {
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
                lastNote++;
                pendingNotes.add(Map.of("number", lastNote, "text", footnote.note()));
                runs.add(Map.of("text", "", "bold", false, "italic", false, "underline", false, "note", lastNote));
            } else if (run instanceof Run.Money money) {
                runs.add(styled(SpanishAmounts.legal(money.money().amount(), money.money().currency(), numbers), money.emphasis()));
            } else {
                Run.Text text = (Run.Text) run;
                runs.add(styled(text.text(), text.emphasis()));
            }
        }
        return runs;
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
        return Map.of("text", text, "bold", emphasis.bold(), "italic", emphasis.italic(),
                "underline", emphasis.underline(), "note", 0);
    }
}
