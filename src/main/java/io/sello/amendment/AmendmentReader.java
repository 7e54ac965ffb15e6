package io.sello.amendment;

import io.sello.budget.PrintedFigures;
import io.sello.document.InputFindings;
import io.sello.input.JsonElement;
import io.sello.input.JsonObject;
import io.sello.input.StrictJson;
import io.sello.plan.PlanAnnex;
import io.sello.text.Paragraph;
import io.sello.text.ParagraphReader;
import io.sello.text.Run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static io.sello.input.JsonObject.Presence.OPTIONAL;
import static io.sello.input.JsonObject.Presence.REQUIRED;

/** Reads an {@code agreement-amendment} request, collecting every error and warning. */
final class AmendmentReader {
    private static final ParagraphReader PARAGRAPHS = new ParagraphReader(EnumSet.of(Run.Kind.TEXT, Run.Kind.MONEY));
    private static final Pattern SPANISH_LOCALE = Pattern.compile("es(-[A-Z]{2})?");

    /** The amendment, or {@code null} when {@code findings} holds errors. */
    AgreementAmendment read(byte[] json, InputFindings findings) {
        JsonObject root = JsonObject.root(
                StrictJson.parse(json),
                findings,
                "$schema",
                "title",
                "instrument",
                "parties",
                "subjectLabel",
                "project",
                "articles",
                "signing",
                "signatures",
                "annexes",
                "locale",
                "annex",
                PrintedFigures.FIELD);
        if (root == null) {
            return null;
        }
        String title = root.text("title", REQUIRED);
        String instrument = root.text("instrument", REQUIRED);
        List<Party> parties = new ArrayList<>();
        for (JsonObject o : root.objects("parties", REQUIRED, "name", "representedBy")) {
            String name = o == null ? null : o.text("name", REQUIRED);
            if (name != null) {
                parties.add(new Party(name, o.text("representedBy", OPTIONAL)));
            }
        }
        if (root.arrayLength("parties") >= 0 && root.arrayLength("parties") < 2) {
            findings.error(root.pointer("parties"), "expected at least two parties");
        }
        String subject = root.text("subjectLabel", REQUIRED);
        Project project = project(root.object("project", REQUIRED, "name", "phase", "validFrom", "validTo"));
        List<Article> articles = articles(root);
        Signing signing = signing(root.object("signing", REQUIRED, "place", "date", "copies"));
        List<SignatureBlock> signatures = new ArrayList<>();
        for (JsonObject o : root.objects("signatures", REQUIRED, "heading", "name", "title")) {
            if (o != null) {
                String heading = o.text("heading", REQUIRED);
                String name = o.text("name", REQUIRED);
                String position = o.text("title", OPTIONAL);
                if (heading != null && name != null) {
                    signatures.add(new SignatureBlock(heading, name, position));
                }
            }
        }
        List<String> annexes = new ArrayList<>();
        for (JsonElement element : root.elements("annexes", OPTIONAL)) {
            String annex = element.text();
            if (annex != null) {
                annexes.add(annex.strip());
            }
        }
        String locale =
                root.matching("locale", OPTIONAL, SPANISH_LOCALE, "a Spanish locale such as \"es\" or \"es-PE\"");
        // "figures" belongs to the request as a whole; today only the annex prints budget tables.
        PlanAnnex annex = PlanAnnex.read(root, "annex", PrintedFigures.read(root));
        if (findings.hasErrors()) {
            return null;
        }
        return new AgreementAmendment(
                title,
                instrument,
                parties,
                subject,
                project,
                articles,
                signing,
                signatures,
                annexes,
                Locale.forLanguageTag(locale == null ? "es" : locale),
                annex);
    }

    private static Project project(JsonObject o) {
        if (o == null) {
            return null;
        }
        String name = o.text("name", REQUIRED);
        String phase = o.text("phase", OPTIONAL);
        LocalDate from = o.date("validFrom", REQUIRED);
        LocalDate to = o.date("validTo", REQUIRED);
        if (from != null && to != null && to.isBefore(from)) {
            o.findings().error(o.pointer("validTo"), "must not be before validFrom " + from + " but got " + to);
            return null;
        }
        return name == null || from == null || to == null ? null : new Project(name, phase, from, to);
    }

    private static Signing signing(JsonObject o) {
        if (o == null) {
            return null;
        }
        String place = o.text("place", REQUIRED);
        LocalDate date = o.date("date", REQUIRED);
        Integer copies = o.integer("copies", REQUIRED, 1, 10);
        return place == null || date == null || copies == null ? null : new Signing(place, date, copies);
    }

    private static List<Article> articles(JsonObject root) {
        List<Article> articles = new ArrayList<>();
        List<JsonObject> items = root.objects("articles", REQUIRED, "number", "paragraphs", "quotedClauses");
        if (root.isEmptyArray("articles")) {
            root.findings().error(root.pointer("articles"), "expected at least one article");
        }
        int expected = 1;
        for (JsonObject o : items) {
            if (o == null) {
                continue;
            }
            Integer number = o.integer("number", REQUIRED, 1, 999);
            if (number != null && number != expected) {
                o.findings()
                        .error(
                                o.pointer("number"),
                                "expected article " + expected + " (articles are numbered 1, 2, 3 … in order) but got "
                                        + number);
            }
            expected++;
            List<Paragraph> paragraphs = PARAGRAPHS.paragraphs(o, "paragraphs", REQUIRED);
            List<QuotedClause> clauses = new ArrayList<>();
            for (JsonObject c : o.objects("quotedClauses", OPTIONAL, "heading", "title", "paragraphs")) {
                if (c != null) {
                    String heading = c.text("heading", REQUIRED);
                    String title = c.text("title", OPTIONAL);
                    List<Paragraph> clauseParagraphs = PARAGRAPHS.paragraphs(c, "paragraphs", REQUIRED);
                    if (heading != null) {
                        clauses.add(new QuotedClause(heading, title, clauseParagraphs));
                    }
                }
            }
            if (number != null && !paragraphs.isEmpty() && !o.findings().hasErrors()) {
                articles.add(new Article(number, paragraphs, clauses));
            }
        }
        return articles;
    }
}
