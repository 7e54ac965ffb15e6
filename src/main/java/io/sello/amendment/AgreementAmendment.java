package io.sello.amendment;

import io.sello.plan.PlanAnnex;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An amendment (Enmienda) to a cooperation agreement, after seed 003.
 *
 * @param subjectLabel e.g. "RELATIVO AL PROYECTO"
 * @param annexes      titles of the annexes, listed after the signatures
 * @param locale       the Spanish of the signing country, for month names ("setiembre" in es-PE)
 * @param annex        the Plan Operativo printed after the signatures, or {@code null}
 */
record AgreementAmendment(
        String title,
        String instrument,
        List<Party> parties,
        String subjectLabel,
        Project project,
        List<Article> articles,
        Signing signing,
        List<SignatureBlock> signatures,
        List<String> annexes,
        Locale locale,
        PlanAnnex annex) {
    public AgreementAmendment {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(instrument, "instrument");
        parties = List.copyOf(parties);
        if (parties.size() < 2) {
            throw new IllegalArgumentException("an agreement has at least two parties");
        }
        Objects.requireNonNull(subjectLabel, "subjectLabel");
        Objects.requireNonNull(project, "project");
        articles = List.copyOf(articles);
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("an amendment has at least one article");
        }
        Objects.requireNonNull(signing, "signing");
        signatures = List.copyOf(signatures);
        annexes = List.copyOf(annexes);
        Objects.requireNonNull(locale, "locale");
    }
}
