package io.sello.form;

import io.sello.document.SafeFileName;
import io.sello.format.NumberStyle;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.TemplateId;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lays a computed form out for the template {@code report-templates/poa-execution-form}: every
 * figure is formatted here, in the form's own style, so the template only places text.
 */
final class PoaFormLayout {
    static final TemplateId TEMPLATE = new TemplateId("poa-execution-form");
    /** Columns (4) and (5) of seed 000: 02/01/20. */
    private static final DateTimeFormatter ACTIVITY_DATE = DateTimeFormatter.ofPattern("dd/MM/yy", Locale.ROOT);
    /** "Fecha de Corte" of seed 000: 7/7/2021. */
    private static final DateTimeFormatter CUT_OFF_DATE = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT);
    /** Printed in column (13) when money was executed against a zero programme (see ExecutionPercent). */
    static final String NOT_APPLICABLE = "N/A";

    private static final NumberStyle NUMBERS = NumberStyle.COMMA_GROUPS_DOT_DECIMALS;

    private PoaFormLayout() {}

    static RenderRequest of(ComputedForm computed) {
        PoaExecutionForm form = computed.form();
        FormHeader header = form.header();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("institution", header.institution());
        parameters.put("program", header.program());
        parameters.put("formTitle", header.formTitle());
        parameters.put("formCode", header.formCode());
        parameters.put("planLabel", header.planLabel());
        parameters.put("organizationalArea", header.organizationalArea());
        parameters.put("fiscalYear", Integer.toString(header.fiscalYear()));
        parameters.put("cutOffDate", CUT_OFF_DATE.format(header.cutOffDate()));
        parameters.put("entityCode", header.entityCode());
        parameters.put("acronym", header.acronym());
        parameters.put(
                "partialProgrammedTgn", money(computed.partialProgrammed().tgn()));
        parameters.put(
                "partialProgrammedOther", money(computed.partialProgrammed().otherSources()));
        parameters.put("partialExecutedTgn", money(computed.partialExecuted().tgn()));
        parameters.put("partialExecutedOther", money(computed.partialExecuted().otherSources()));
        parameters.put("generalProgrammed", money(computed.generalProgrammed()));
        parameters.put("generalExecuted", money(computed.generalExecuted()));
        parameters.put("executionPercent", percent(computed.executionPercent()));
        for (SignatoryRole role : SignatoryRole.values()) {
            Signatory signatory = form.signatory(role);
            String key = role.name().toLowerCase(Locale.ROOT);
            parameters.put(key + "Label", role.label());
            parameters.put(key + "Name", signatory.name());
            parameters.put(key + "Position", signatory.position());
        }
        // Made as the engine reads them: a 1,000-page form's rows, all formatted at once, take about 23 MB.
        List<ComputedActivity> activities = computed.activities();
        return new RenderRequest(
                TEMPLATE,
                header.formCode() + " " + header.acronym() + " " + header.formTitle(),
                parameters,
                RenderRequest.rowsOnDemand(activities.size(), i -> row(activities.get(i))));
    }

    private static Map<String, Object> row(ComputedActivity computed) {
        Activity activity = computed.activity();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", activity.code().value());
        row.put("operation", activity.operation());
        row.put("specificActivity", activity.specificActivity());
        row.put("startDate", ACTIVITY_DATE.format(activity.startDate()));
        row.put("endDate", ACTIVITY_DATE.format(activity.endDate()));
        row.put("indicatorDescription", activity.indicator().description());
        row.put("cumulativeEfficacy", money(activity.indicator().cumulativeEfficacyPercent()));
        row.put("executionPercent", percent(computed.executionPercent()));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (BudgetLine line : activity.budgetLines()) {
            lines.add(line(line.expenseGroup().code(), line.programmed(), line.executed(), false));
        }
        lines.add(line("TOTAL", computed.programmed(), computed.executed(), true));
        row.put("budgetLines", lines);
        return row;
    }

    private static Map<String, Object> line(
            String label, SourceAmounts programmed, SourceAmounts executed, boolean total) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("expenseGroup", label);
        line.put("programmedTgn", money(programmed.tgn()));
        line.put("programmedOther", money(programmed.otherSources()));
        line.put("executedTgn", money(executed.tgn()));
        line.put("executedOther", money(executed.otherSources()));
        line.put("total", total);
        return line;
    }

    static String money(BigDecimal amount) {
        return NUMBERS.format(amount);
    }

    static String percent(Optional<BigDecimal> percent) {
        return percent.map(NUMBERS::format).orElse(NOT_APPLICABLE);
    }

    static String fileName(FormHeader header) {
        return SafeFileName.of(
                "pdf",
                header.formCode(),
                header.acronym(),
                Integer.toString(header.fiscalYear()),
                header.cutOffDate().toString());
    }

    /** Budget-line rows under each empty activity of a blank form, before its TOTAL line (seed 000 has 1 to 5). */
    static final int BLANK_LINES_PER_ACTIVITY = 2;
    /** A line to write on by hand where the paper form prints data of its own (the ministry, the month). */
    private static final String WRITE_HERE = "...............................................";

    /**
     * The Formulario N.5.B with nothing filled in, through the template that prints filled ones, so that the blank form
     * is the paper form: title block, headings and column numbers (1)…(13), {@code activities} empty activity rows, each
     * with {@link #BLANK_LINES_PER_ACTIVITY} budget lines and its TOTAL line, TOTAL PARCIAL and TOTAL GENERAL, and the
     * signature block. What every Formulario N.5.B prints alike (the programme, the form's title and code) is printed.
     * With {@code fillable}, every cell a person fills becomes a text field named by the JSON pointer of its value; the
     * TOTAL lines and totals are the optional declared totals, which the service checks against its own sums.
     */
    static RenderRequest blank(int activities, boolean fillable) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("fillable", fillable);
        parameters.put("institution", fillable ? "" : WRITE_HERE);
        parameters.put("program", "PROGRAMACION DE OPERACIONES ANUAL");
        parameters.put(
                "formTitle", "SEGUIMIENTO A LA EJECUCION FINANCIERA - MES DE" + (fillable ? " " : " " + WRITE_HERE));
        parameters.put("formCode", "FORMULARIO N.5.B");
        parameters.put("planLabel", fillable ? "" : "POA ....................");
        for (String name : List.of(
                "organizationalArea",
                "fiscalYear",
                "cutOffDate",
                "entityCode",
                "acronym",
                "partialProgrammedTgn",
                "partialProgrammedOther",
                "partialExecutedTgn",
                "partialExecutedOther",
                "generalProgrammed",
                "generalExecuted",
                "executionPercent")) {
            parameters.put(name, "");
        }
        for (SignatoryRole role : SignatoryRole.values()) {
            String key = role.name().toLowerCase(Locale.ROOT);
            parameters.put(key + "Label", role.label());
            parameters.put(key + "Name", "");
            parameters.put(key + "Position", "");
        }
        return new RenderRequest(
                TEMPLATE,
                "FORMULARIO N.5.B" + (fillable ? " (rellenable)" : " (en blanco)"),
                parameters,
                RenderRequest.rowsOnDemand(activities, i -> blankRow(i, fillable)));
    }

    private static Map<String, Object> blankRow(int index, boolean fillable) {
        String prefix = fillable ? "/activities/" + index + "/" : null;
        Map<String, Object> row = new LinkedHashMap<>();
        for (String name : List.of(
                "code",
                "operation",
                "specificActivity",
                "startDate",
                "endDate",
                "indicatorDescription",
                "cumulativeEfficacy",
                "executionPercent")) {
            row.put(name, "");
        }
        row.put("fieldPrefix", prefix);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int l = 0; l < BLANK_LINES_PER_ACTIVITY; l++) {
            lines.add(blankLine("", false, fillable ? prefix + "budgetLines/" + l + "/" : null));
        }
        lines.add(blankLine("TOTAL", true, fillable ? prefix + "declaredTotal/" : null));
        row.put("budgetLines", lines);
        return row;
    }

    private static Map<String, Object> blankLine(String label, boolean total, String prefix) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("expenseGroup", label);
        for (String name : List.of("programmedTgn", "programmedOther", "executedTgn", "executedOther")) {
            line.put(name, "");
        }
        line.put("total", total);
        line.put("fieldPrefix", prefix);
        return line;
    }
}
