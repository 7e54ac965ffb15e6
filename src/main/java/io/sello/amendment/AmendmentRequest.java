package io.sello.amendment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sello.budget.PrintedFigures;
import io.sello.text.ParagraphRequest;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * An {@code agreement-amendment} request as its published schema gives it, bound after the schema accepted it (absent
 * fields are {@code null}; dates as sent); {@link AmendmentRules} turns it into an {@link AgreementAmendment}. The
 * annex stays as sent, for the operational plan's own binding and rules (io.sello.plan.PlanAnnex).
 */
@JsonIgnoreProperties({"$schema"})
record AmendmentRequest(
        String title,
        String instrument,
        List<PartyRequest> parties,
        String subjectLabel,
        ProjectRequest project,
        List<ArticleRequest> articles,
        SigningRequest signing,
        List<SignatureRequest> signatures,
        List<String> annexes,
        String locale,
        JsonNode annex,
        PrintedFigures figures) {
    AmendmentRequest {
        parties = parties == null ? List.of() : parties;
        articles = articles == null ? List.of() : articles;
        signatures = signatures == null ? List.of() : signatures;
        annexes = annexes == null ? List.of() : annexes;
    }

    record PartyRequest(String name, String representedBy) {}

    record ProjectRequest(String name, String phase, String validFrom, String validTo) {}

    record ArticleRequest(int number, List<ParagraphRequest> paragraphs, List<ClauseRequest> quotedClauses) {
        ArticleRequest {
            paragraphs = paragraphs == null ? List.of() : paragraphs;
            quotedClauses = quotedClauses == null ? List.of() : quotedClauses;
        }
    }

    record ClauseRequest(String heading, String title, List<ParagraphRequest> paragraphs) {
        ClauseRequest {
            paragraphs = paragraphs == null ? List.of() : paragraphs;
        }
    }

    record SigningRequest(String place, String date, int copies) {}

    record SignatureRequest(String heading, String name, String title) {}
}
