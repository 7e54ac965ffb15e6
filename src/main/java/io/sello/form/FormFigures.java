package io.sello.form;

import io.sello.document.ComputedFigure;
import io.sello.input.JsonPointers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every figure Formulario N.5.B computes, as {@code POST …/validate} reports it (issue 15): taken from the
 * {@link ComputedForm} the PDF is laid out from and formatted by {@link PoaFormLayout}, so the page that shows
 * them and the printout cannot disagree. Each is named by the pointer a client would declare it at, as
 * {@link DeclaredTotalsCheck} and {@link PrintableFigures} name it, and labelled as staff read the paper form:
 * the TOTAL line of each activity (columns (9)–(12) and (13)), TOTAL PARCIAL and TOTAL GENERAL.
 */
final class FormFigures {
    private final List<ComputedFigure> figures = new ArrayList<>();

    private FormFigures() {}

    static List<ComputedFigure> of(ComputedForm computed) {
        FormFigures list = new FormFigures();
        for (int i = 0; i < computed.activities().size(); i++) {
            ComputedActivity activity = computed.activities().get(i);
            String pointer = JsonPointers.child(JsonPointers.child("/activities", i), "declaredTotal");
            String row = "Actividad " + activity.activity().code().value() + " · TOTAL";
            list.split(pointer, row, activity.programmed(), activity.executed());
            list.percent(pointer + "/executionPercent", row + " · % ejecución", activity.executionPercent());
        }
        list.split(
                "/declaredTotals/partial", "TOTAL PARCIAL", computed.partialProgrammed(), computed.partialExecuted());
        // The form prints one % ejecución on the TOTAL PARCIAL and TOTAL GENERAL rows alike; a client may declare it at
        // either.
        list.percent(
                "/declaredTotals/partial/executionPercent", "TOTAL PARCIAL · % ejecución", computed.executionPercent());
        list.amount("/declaredTotals/general/programmed", "TOTAL GENERAL · Programado", computed.generalProgrammed());
        list.amount("/declaredTotals/general/executed", "TOTAL GENERAL · Ejecutado", computed.generalExecuted());
        list.percent(
                "/declaredTotals/general/executionPercent", "TOTAL GENERAL · % ejecución", computed.executionPercent());
        return List.copyOf(list.figures);
    }

    /** Columns (9)–(12) of a TOTAL row. */
    private void split(String pointer, String row, SourceAmounts programmed, SourceAmounts executed) {
        amount(pointer + "/programmed/tgn", row + " · T.G.N. programado", programmed.tgn());
        amount(pointer + "/programmed/otherSources", row + " · Otras fuentes programado", programmed.otherSources());
        amount(pointer + "/executed/tgn", row + " · T.G.N. ejecutado", executed.tgn());
        amount(pointer + "/executed/otherSources", row + " · Otras fuentes ejecutado", executed.otherSources());
    }

    private void amount(String pointer, String label, BigDecimal amount) {
        figures.add(new ComputedFigure(pointer, label, amount.toPlainString(), PoaFormLayout.money(amount)));
    }

    /** Column (13): {@code N/A}, with no value, where money was executed against a zero programme. */
    private void percent(String pointer, String label, Optional<BigDecimal> percent) {
        figures.add(new ComputedFigure(
                pointer, label, percent.map(BigDecimal::toPlainString).orElse(null), PoaFormLayout.percent(percent)));
    }
}
