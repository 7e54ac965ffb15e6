package io.sello.text;

import io.sello.format.Currency;
import io.sello.format.MoneyAmount;
import io.sello.input.JsonElement;
import io.sello.input.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.sello.input.JsonObject.Presence.REQUIRED;

/**
 * Reads paragraphs of untrusted JSON: a string, or an array of runs (strings, {"text", bold, italic,
 * underline}, {"money": {amount, currency}}, {"footnote": "…", "number": n}), accepting only the kinds a document allows.
 */
public final class ParagraphReader {
    private final Set<Run.Kind> allowed;

    public ParagraphReader(Set<Run.Kind> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** The paragraphs of an array field; errors are recorded and broken paragraphs left out. */
    public List<Paragraph> paragraphs(JsonObject owner, String field, JsonObject.Presence presence) {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<JsonElement> elements = owner.elements(field, presence);
        if (presence == REQUIRED && owner.isEmptyArray(field)) {
            owner.findings().error(owner.pointer(field), "expected at least one paragraph");
        }
        for (JsonElement element : elements) {
            Paragraph paragraph = paragraph(element);
            if (paragraph != null) {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs;
    }

    /** The single paragraph of a field, or {@code null} with an error recorded. */
    public Paragraph paragraph(JsonObject owner, String field) {
        JsonElement element = owner.element(field, REQUIRED);
        return element == null ? null : paragraph(element);
    }

    /** One paragraph, or {@code null} with an error recorded. */
    public Paragraph paragraph(JsonElement element) {
        List<Run> runs = new ArrayList<>();
        if (element.isString()) {
            String text = element.text();
            if (text != null && text.isBlank()) {
                element.reject("must not be blank");
                return null;
            }
            run(element, runs);
        } else if (element.isArray()) {
            for (JsonElement run : element.elements()) {
                run(run, runs);
            }
            if (runs.isEmpty()) {
                element.reject("expected at least one run of text");
            }
        } else {
            element.reject("expected a paragraph: a string or an array of runs");
        }
        return runs.isEmpty() ? null : new Paragraph(runs);
    }

    private void run(JsonElement element, List<Run> runs) {
        if (element.isString()) {
            String text = element.text();
            if (text != null) {
                runs.add(new Run.Text(text, Emphasis.NONE));
            }
            return;
        }
        if (!element.isObject()) {
            element.reject("expected a run: a string or an object with one of " + keys());
            return;
        }
        JsonObject run = element.object("text", "money", "footnote", "number", "bold", "italic", "underline");
        if (run == null) {
            return;
        }
        List<String> kinds = new ArrayList<>();
        for (String key : List.of("text", "money", "footnote")) {
            if (run.has(key)) {
                kinds.add(key);
            }
        }
        if (run.has("number") && !kinds.equals(List.of("footnote"))) {
            run.findings().error(run.pointer("number"), "only a footnote run has a number");
            return;
        }
        if (kinds.size() != 1 || !allowed.contains(Run.Kind.valueOf(kinds.get(0).toUpperCase(Locale.ROOT)))) {
            run.findings().error(run.pointer(), "expected exactly one of " + keys());
            return;
        }
        Emphasis emphasis = new Emphasis(run.flag("bold"), run.flag("italic"), run.flag("underline"));
        switch (kinds.get(0)) {
            case "text" -> {
                String text = run.run("text");
                if (text != null) {
                    runs.add(new Run.Text(text, emphasis));
                }
            }
            case "footnote" -> {
                String note = run.text("footnote", REQUIRED);
                Integer number = run.integer("number", JsonObject.Presence.OPTIONAL, 1, 9999);
                if (note != null) {
                    runs.add(new Run.Footnote(note, number == null ? 0 : number));
                }
            }
            default -> {
                JsonObject money = run.object("money", REQUIRED, "amount", "currency");
                if (money != null) {
                    BigDecimal amount = money.money("amount", REQUIRED);
                    Currency currency = money.enumeration("currency", REQUIRED, Currency.class);
                    if (amount != null && currency != null) {
                        runs.add(new Run.Money(new MoneyAmount(amount, currency), emphasis));
                    }
                }
            }
        }
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Run.Kind kind : Run.Kind.values()) {
            if (allowed.contains(kind)) {
                keys.add("\"" + kind.name().toLowerCase(Locale.ROOT) + "\"");
            }
        }
        return keys;
    }
}
