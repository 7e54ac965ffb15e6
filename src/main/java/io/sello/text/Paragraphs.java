package io.sello.text;

import io.sello.document.InputFindings;
import io.sello.format.MoneyAmount;
import io.sello.input.JsonPointers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Paragraphs that the schema accepted, made into {@link Paragraph}s, with what the schema cannot say: a paragraph
 * sent as one string is not blank (a run may be: it ends where the next begins), and an amount has at most 15 integer
 * digits (hundreds of trillions, the most Sello writes in words). Runs keep their spaces; a footnote is trimmed.
 */
public final class Paragraphs {
    /** Money in the documents is at most 15 integer digits (hundreds of trillions). */
    private static final int MAX_INTEGER_DIGITS = 15;

    private Paragraphs() {}

    /** The paragraphs of a list at {@code pointer}; broken ones are left out, their errors recorded. */
    public static List<Paragraph> of(List<ParagraphRequest> requests, String pointer, InputFindings findings) {
        List<Paragraph> paragraphs = new ArrayList<>();
        if (requests == null) {
            return paragraphs;
        }
        for (int i = 0; i < requests.size(); i++) {
            Paragraph paragraph = of(requests.get(i), JsonPointers.child(pointer, i), findings);
            if (paragraph != null) {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs;
    }

    /** One paragraph, or {@code null} with an error recorded. */
    public static Paragraph of(ParagraphRequest request, String pointer, InputFindings findings) {
        if (request.text() != null) {
            if (request.text().isBlank()) {
                findings.error(pointer, "must not be blank");
                return null;
            }
            return new Paragraph(List.of(new Run.Text(request.text(), Emphasis.NONE)));
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < request.runs().size(); i++) {
            Run run = run(request.runs().get(i), JsonPointers.child(pointer, i), findings);
            if (run != null) {
                runs.add(run);
            }
        }
        return runs.size() == request.runs().size() ? new Paragraph(runs) : null;
    }

    private static Run run(ParagraphRequest.RunRequest run, String pointer, InputFindings findings) {
        if (run.plain() != null) {
            return new Run.Text(run.plain(), Emphasis.NONE);
        }
        ParagraphRequest.Styled r = run.styled();
        Emphasis emphasis = new Emphasis(
                Boolean.TRUE.equals(r.bold()), Boolean.TRUE.equals(r.italic()), Boolean.TRUE.equals(r.underline()));
        if (r.text() != null) {
            return new Run.Text(r.text(), emphasis);
        }
        if (r.footnote() != null) {
            return new Run.Footnote(r.footnote().strip(), r.number() == null ? 0 : r.number());
        }
        BigDecimal amount = r.money().amount();
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            findings.error(pointer + "/money/amount", "expected at most " + MAX_INTEGER_DIGITS + " integer digits");
            return null;
        }
        return new Run.Money(new MoneyAmount(amount.setScale(2), r.money().currency()), emphasis);
    }
}
