package io.sello.budget;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A {@code budget-summary} request as its published schema gives it, bound after the schema accepted it (absent
 * fields are {@code null}); {@link BudgetSummaryRules} turns it into a {@link BudgetSummary}.
 */
@JsonIgnoreProperties({"$schema"})
record BudgetSummaryRequest(
        String title,
        String subtitle,
        String issuer,
        String placeAndDate,
        PrintedFigures figures,
        List<BudgetTableRequest> tables,
        List<String> notes,
        List<SignatoryRequest> signatories) {
    BudgetSummaryRequest {
        tables = tables == null ? List.of() : tables;
        signatories = signatories == null ? List.of() : signatories;
    }

    /** A row of the signature block (Formulario N.5.B's three roles). */
    record SignatoryRequest(Signatory.Role role, String name, String position) {}
}
