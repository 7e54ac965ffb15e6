package io.sello.amendment;

import io.sello.budget.PrintedFigures;
import io.sello.document.InputFindings;
import io.sello.plan.PlanAnnex;
import io.sello.text.Paragraph;
import io.sello.text.Paragraphs;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An amendment that the schema accepted, bound and checked for what the schema cannot say: dates are real days (the
 * schema gives their form), the project's validity does not end before it starts, articles are numbered 1, 2, 3 … in
 * order (seed 003: "Artículo 1.-", "Artículo 2.-"), paragraphs as {@link Paragraphs} checks them, and the Plan
 * Operativo annex as an {@code operational-plan}.
 */
final class AmendmentRules {
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private final InputFindings findings;

    private AmendmentRules(InputFindings findings) {
        this.findings = findings;
    }

    /** The amendment, or {@code null} when {@code findings} holds errors. */
    static AgreementAmendment check(AmendmentRequest a, InputFindings findings) {
        return new AmendmentRules(findings).amendment(a);
    }

    private AgreementAmendment amendment(AmendmentRequest a) {
        int errorsBefore = findings.errors().size();
        List<Party> parties = a.parties().stream()
                .map(p -> new Party(p.name().strip(), stripped(p.representedBy())))
                .toList();
        Project project = project(a.project());
        List<Article> articles = articles(a.articles());
        LocalDate signed = date(a.signing().date(), "/signing/date");
        List<SignatureBlock> signatures = a.signatures().stream()
                .map(s -> new SignatureBlock(s.heading().strip(), s.name().strip(), stripped(s.title())))
                .toList();
        List<String> annexes = a.annexes().stream().map(String::strip).toList();
        // "figures" belongs to the request as a whole; today only the annex prints budget tables.
        PlanAnnex annex = PlanAnnex.bind(
                a.annex(),
                "/annex",
                a.figures() == null ? PrintedFigures.DECLARED_WITHIN_ROUNDING : a.figures(),
                findings);
        if (findings.errors().size() > errorsBefore) {
            return null;
        }
        return new AgreementAmendment(
                a.title().strip(),
                a.instrument().strip(),
                parties,
                a.subjectLabel().strip(),
                project,
                articles,
                new Signing(a.signing().place().strip(), signed, a.signing().copies()),
                signatures,
                annexes,
                Locale.forLanguageTag(a.locale() == null ? "es" : a.locale()),
                annex);
    }

    private Project project(AmendmentRequest.ProjectRequest p) {
        LocalDate from = date(p.validFrom(), "/project/validFrom");
        LocalDate to = date(p.validTo(), "/project/validTo");
        if (from == null || to == null) {
            return null;
        }
        if (to.isBefore(from)) {
            findings.error("/project/validTo", "must not be before validFrom " + from + " but got " + to);
            return null;
        }
        return new Project(p.name().strip(), stripped(p.phase()), from, to);
    }

    /** The schema gives the form YYYY-MM-DD; the day must exist (no 2025-02-30). */
    private LocalDate date(String sent, String pointer) {
        try {
            return LocalDate.parse(sent, ISO_DATE);
        } catch (DateTimeParseException e) {
            findings.error(pointer, "expected a real date as \"YYYY-MM-DD\" but got \"" + sent + "\"");
            return null;
        }
    }

    private List<Article> articles(List<AmendmentRequest.ArticleRequest> requested) {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            AmendmentRequest.ArticleRequest a = requested.get(i);
            String pointer = "/articles/" + i;
            if (a.number() != i + 1) {
                findings.error(
                        pointer + "/number",
                        "expected article " + (i + 1) + " (articles are numbered 1, 2, 3 … in order) but got "
                                + a.number());
            }
            List<Paragraph> paragraphs = Paragraphs.of(a.paragraphs(), pointer + "/paragraphs", findings);
            List<QuotedClause> clauses = new ArrayList<>();
            for (int c = 0; c < a.quotedClauses().size(); c++) {
                AmendmentRequest.ClauseRequest clause = a.quotedClauses().get(c);
                clauses.add(new QuotedClause(
                        clause.heading().strip(),
                        stripped(clause.title()),
                        Paragraphs.of(clause.paragraphs(), pointer + "/quotedClauses/" + c + "/paragraphs", findings)));
            }
            if (!paragraphs.isEmpty()) {
                articles.add(new Article(a.number(), paragraphs, clauses));
            }
        }
        return articles;
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }
}
