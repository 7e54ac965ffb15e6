package io.sello.web;

import io.sello.document.ComputedFigure;
import io.swagger.v3.oas.annotations.media.Schema;

/** A computed figure as {@code POST …/validate} reports it (issue 15, point 2); see {@link ComputedFigure}. */
@Schema(
        name = "ComputedFigure",
        description = "A figure the service computes and prints, from the same code that renders"
                + " the document: the data-entry page shows it beside the field where it would be declared and computes nothing"
                + " itself.")
record FigureBody(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "/declaredTotals/general/programmed",
                description =
                        "JSON pointer in the request body where a client would declare this figure; a mismatch of the same figure"
                                + " carries the same pointer. poa-execution-form: /activities/{i}/declaredTotal/programmed/tgn,"
                                + " …/programmed/otherSources, …/executed/tgn, …/executed/otherSources, …/executionPercent for each"
                                + " activity's TOTAL line; /declaredTotals/partial/… alike for TOTAL PARCIAL;"
                                + " /declaredTotals/general/programmed, /executed, /executionPercent for TOTAL GENERAL. Budget"
                                + " tables (budget-summary, and the budget tables of operational-plan and of an amendment's annex):"
                                + " {table}/rows/{r}/declared/{columnKey} for every printed computed cell (computed columns of"
                                + " items; every printed column of groups, subtotals and totals), where {table} is the table's pointer"
                                + " (/tables/0 in budget-summary). Every figure the documents compute today has such a place; a figure"
                                + " that had none would take the pointer of its row or object followed by /~computed/{name}.")
        String pointer,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "TOTAL GENERAL · Programado",
                description =
                        "Where staff find the figure on paper, in Spanish: \"Actividad 04.01.02 · TOTAL · T.G.N. programado\","
                                + " \"TOTAL PARCIAL · T.G.N. ejecutado\", \"TOTAL GENERAL · % ejecución\"; budget tables"
                                + " \"<table title> · <row label> · <column>\" (a column under a group header is \"group / header\").")
        String label,

        @Schema(
                nullable = true,
                example = "13614893.00",
                description = "The figure as a plain decimal string with the"
                        + " decimals the document prints (never a JSON number: amounts do not pass through floating point); null"
                        + " where the document prints no number (N/A, -, n.a.). In a budget table that prints a declared figure"
                        + " within rounding (\"figures\": \"declared-within-rounding\", the default) this is the declared figure"
                        + " the PDF prints; the mismatch with the same pointer gives the computed one.")
        String value,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "13,614,893.00",
                description = "Exactly as the PDF"
                        + " prints it, by the renderer's own formatter: the type's number style, negative amounts in parentheses,"
                        + " display rounding, N/A, -, n.a.")
        String printed) {
    static FigureBody of(ComputedFigure figure) {
        return new FigureBody(figure.pointer(), figure.label(), figure.value(), figure.printed());
    }
}
