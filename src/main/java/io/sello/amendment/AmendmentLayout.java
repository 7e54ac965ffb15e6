package io.sello.amendment;

import io.sello.document.SafeFileName;
import io.sello.format.NumberStyle;
import io.sello.format.SpanishAmounts;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.TemplateId;
import io.sello.text.ParagraphLayout;

import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lays an amendment out for {@code report-templates/agreement-amendment}: all wording is decided here. */
final class AmendmentLayout {
    static final TemplateId TEMPLATE = new TemplateId("agreement-amendment");
    /** Seed 003: "Vigencia del 1.9.2005 al 31.12.2008". */
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d.M.uuuu", Locale.ROOT);

    private static final NumberStyle NUMBERS = NumberStyle.COMMA_GROUPS_DOT_DECIMALS;

    private AmendmentLayout() {}

    static RenderRequest of(AgreementAmendment amendment) {
        ParagraphLayout text = new ParagraphLayout(NUMBERS);
        Map<String, Object> p = new HashMap<>();
        p.put("title", amendment.title());
        p.put("instrument", amendment.instrument());
        p.put(
                "parties",
                amendment.parties().stream().map(AmendmentLayout::partyLine).toList());
        p.put("subjectLabel", amendment.subjectLabel());
        Project project = amendment.project();
        p.put("projectName", "\u201C" + project.name() + "\u201D");
        p.put(
                "projectLine",
                (project.phase().isEmpty() ? "" : project.phase() + " - ") + "Vigencia del "
                        + SHORT_DATE.format(project.validFrom()) + " al " + SHORT_DATE.format(project.validTo()));
        List<Map<String, Object>> articles = new ArrayList<>();
        for (Article article : amendment.articles()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("label", "Artículo " + article.number() + ".-");
            a.put("paragraphs", text.paragraphs(article.paragraphs()));
            List<Map<String, Object>> clauses = new ArrayList<>();
            for (QuotedClause clause : article.quotedClauses()) {
                clauses.add(Map.of(
                        "heading",
                        clause.heading(),
                        "title",
                        clause.title(),
                        "paragraphs",
                        text.paragraphs(clause.paragraphs())));
            }
            a.put("clauses", clauses);
            articles.add(a);
        }
        p.put("articles", articles);
        p.put("signingText", signingText(amendment));
        p.put(
                "signatures",
                amendment.signatures().stream()
                        .map(s -> Map.of("heading", s.heading(), "name", s.name(), "title", s.title()))
                        .toList());
        p.put("annexes", amendment.annexes());
        return new RenderRequest(
                TEMPLATE, amendment.title() + " " + amendment.instrument() + " " + project.name(), p, List.of());
    }

    static String fileName(AgreementAmendment amendment) {
        return SafeFileName.of(
                "pdf",
                amendment.title(),
                amendment.project().name(),
                amendment.signing().date().toString());
    }

    private static String partyLine(Party party) {
        return party.representedBy().isEmpty()
                ? party.name()
                : party.name() + ", REPRESENTADA POR " + party.representedBy();
    }

    /** Seed 003: "Suscrito en la ciudad de Lima, el 11 de marzo de 2009, en dos ejemplares, siendo ambos igualmente auténticos y válidos." */
    private static String signingText(AgreementAmendment amendment) {
        Signing signing = amendment.signing();
        String date = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' uuuu", amendment.locale())
                .format(signing.date());
        String copies = signing.copies() == 1
                ? "en un ejemplar"
                : "en " + SpanishAmounts.words(BigInteger.valueOf(signing.copies())) + " ejemplares, siendo "
                        + (signing.copies() == 2 ? "ambos" : "todos") + " igualmente auténticos y válidos";
        return "Suscrito en la ciudad de " + signing.place() + ", el " + date + ", " + copies + ".";
    }
}
