package io.sello.form;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A {@code poa-execution-form} request (Formulario N.5.B) as its published schema gives it, bound after the schema
 * accepted it: every field has its JSON name, an absent optional one is {@code null}. Dates stay text, because a
 * pattern cannot tell 2024-02-30 from a real day ({@link PoaFormRules} does); amounts and percentages, sent as JSON
 * numbers or decimal strings, are held in centavos (scale 2), as the form prints them. {@link PoaFormRules} turns it
 * into a {@link PoaExecutionForm}.
 */
@JsonIgnoreProperties({"$schema"})
record PoaFormRequest(
        Header header,
        List<ActivityRequest> activities,
        List<SignatoryRequest> signatories,
        DeclaredTotals declaredTotals) {
    PoaFormRequest {
        Objects.requireNonNull(header, "header");
        activities = activities == null ? List.of() : List.copyOf(activities);
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
    }

    /** The title block, repeated on every page. */
    record Header(
            String institution,
            String program,
            String formTitle,
            String formCode,
            String planLabel,
            String organizationalArea,
            int fiscalYear,
            String cutOffDate,
            String entityCode,
            String acronym) {}

    /** Columns (1) to (8) and the budget lines (9) to (12) of one activity. */
    record ActivityRequest(
            String code,
            String operation,
            String specificActivity,
            String startDate,
            String endDate,
            IndicatorRequest indicator,
            List<LineRequest> budgetLines,
            DeclaredTotalRequest declaredTotal) {
        ActivityRequest {
            Objects.requireNonNull(indicator, "indicator");
            budgetLines = budgetLines == null ? List.of() : List.copyOf(budgetLines);
        }
    }

    record IndicatorRequest(String description, BigDecimal cumulativeEfficacyPercent) {
        IndicatorRequest {
            cumulativeEfficacyPercent = cents(cumulativeEfficacyPercent);
        }
    }

    /** One expense group: programmed (9)/(10) and executed (11)/(12). */
    record LineRequest(String expenseGroup, AmountsRequest programmed, AmountsRequest executed) {}

    /** T.G.N. and otras fuentes, both required by the schema. */
    record AmountsRequest(BigDecimal tgn, BigDecimal otherSources) {
        SourceAmounts toAmounts() {
            return new SourceAmounts(cents(tgn), cents(otherSources));
        }
    }

    /**
     * A TOTAL row as the client typed it (an activity's or TOTAL PARCIAL); every part optional. Bound straight to
     * the form's own records, whose scale is set here.
     */
    record DeclaredTotalRequest(
            DeclaredSplitRequest programmed, DeclaredSplitRequest executed, BigDecimal executionPercent) {
        DeclaredTotal toDeclared() {
            return new DeclaredTotal(
                    programmed == null ? null : programmed.toDeclared(),
                    executed == null ? null : executed.toDeclared(),
                    cents(executionPercent));
        }
    }

    record DeclaredSplitRequest(BigDecimal tgn, BigDecimal otherSources) {
        DeclaredSplit toDeclared() {
            return new DeclaredSplit(cents(tgn), cents(otherSources));
        }
    }

    /** TOTAL GENERAL as declared, the sources merged. */
    record DeclaredGrand(BigDecimal programmed, BigDecimal executed, BigDecimal executionPercent) {
        DeclaredGrandTotal toDeclared() {
            return new DeclaredGrandTotal(cents(programmed), cents(executed), cents(executionPercent));
        }
    }

    record DeclaredTotals(DeclaredTotalRequest partial, DeclaredGrand general) {}

    record SignatoryRequest(SignatoryRole role, String name, String position) {
        SignatoryRequest {
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * An amount or percentage in centavos. The schema allows at most two decimals ({@code multipleOf 0.01}, or the
     * string pattern), so this never rounds; a third decimal here is a defect, and the binding refuses it.
     */
    static BigDecimal cents(BigDecimal value) {
        return value == null ? null : value.setScale(2);
    }
}
