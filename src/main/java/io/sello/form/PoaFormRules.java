package io.sello.form;

import io.sello.document.InputFindings;
import io.sello.form.PoaFormRequest.ActivityRequest;
import io.sello.form.PoaFormRequest.LineRequest;
import io.sello.form.PoaFormRequest.SignatoryRequest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Formulario N.5.B request that the schema accepted, bound and checked for what the schema cannot say: that each
 * date is a real day and an activity does not end before it starts, that an expense group appears once per activity
 * and a signatory role once per form, and that a repeated activity code is worth a warning (seed 000 repeats
 * 11.04.01. four times). Text is stripped, as the form prints it. Declared totals are compared with the computed ones
 * later ({@link DeclaredTotalsCheck}); mis-encoded and invisible characters were handled while binding.
 */
final class PoaFormRules {
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private PoaFormRules() {}

    /** The form, or {@code null} when {@code findings} holds errors. */
    static PoaExecutionForm check(PoaFormRequest request, InputFindings findings) {
        FormHeader header = header(request.header(), findings);
        List<Activity> activities = activities(request.activities(), findings);
        List<Signatory> signatories = signatories(request.signatories(), findings);
        var declared = request.declaredTotals();
        DeclaredTotal partial = declared == null || declared.partial() == null
                ? null
                : declared.partial().toDeclared();
        DeclaredGrandTotal general = declared == null || declared.general() == null
                ? null
                : declared.general().toDeclared();
        if (findings.hasErrors()) {
            return null;
        }
        return new PoaExecutionForm(header, activities, signatories, partial, general);
    }

    private static FormHeader header(PoaFormRequest.Header h, InputFindings findings) {
        LocalDate cutOff = date(h.cutOffDate(), "/header/cutOffDate", findings);
        if (cutOff == null) {
            return null;
        }
        return new FormHeader(
                h.institution().strip(),
                h.program().strip(),
                h.formTitle().strip(),
                h.formCode().strip(),
                h.planLabel().strip(),
                h.organizationalArea().strip(),
                h.fiscalYear(),
                cutOff,
                h.entityCode().strip(),
                h.acronym().strip());
    }

    private static List<Activity> activities(List<ActivityRequest> requested, InputFindings findings) {
        List<Activity> activities = new ArrayList<>();
        Map<String, String> firstPointerByCode = new HashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            String at = "/activities/" + i;
            Activity activity = activity(requested.get(i), at, findings);
            if (activity == null) {
                continue;
            }
            String first = firstPointerByCode.putIfAbsent(activity.code().value(), at);
            if (first != null) {
                // Printing a repeated code as sent keeps the form faithful to what the client submitted; the
                // warning lets a person decide.
                findings.warn(
                        at + "/code",
                        "duplicate-activity-code",
                        "activity code " + activity.code() + " was already used at " + first + "; rendered as sent");
            }
            activities.add(activity);
        }
        return activities;
    }

    private static Activity activity(ActivityRequest a, String at, InputFindings findings) {
        String code = matching(a.code(), ActivityCode.FORMAT, at + "/code", findings);
        LocalDate start = date(a.startDate(), at + "/startDate", findings);
        LocalDate end = date(a.endDate(), at + "/endDate", findings);
        if (start != null && end != null && end.isBefore(start)) {
            findings.error(at + "/endDate", "must not be before startDate " + start + " but got " + end);
            end = null;
        }
        List<BudgetLine> lines = budgetLines(a.budgetLines(), at, findings);
        if (code == null || start == null || end == null || lines == null) {
            return null;
        }
        return new Activity(
                new ActivityCode(code),
                a.operation() == null ? null : a.operation().strip(),
                a.specificActivity().strip(),
                start,
                end,
                new Indicator(a.indicator().description().strip(), a.indicator().cumulativeEfficacyPercent()),
                lines,
                a.declaredTotal() == null ? null : a.declaredTotal().toDeclared());
    }

    /** The lines, or {@code null} if any is refused. An activity with no lines prints only its TOTAL. */
    private static List<BudgetLine> budgetLines(List<LineRequest> requested, String activity, InputFindings findings) {
        List<BudgetLine> lines = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        boolean refused = false;
        for (int i = 0; i < requested.size(); i++) {
            LineRequest line = requested.get(i);
            String at = activity + "/budgetLines/" + i;
            String group = matching(line.expenseGroup(), ExpenseGroup.FORMAT, at + "/expenseGroup", findings);
            if (group != null && seen.putIfAbsent(group, at) != null) {
                findings.error(
                        at + "/expenseGroup",
                        "expense group " + group + " already appears at " + seen.get(group)
                                + "; send one line per expense group");
                group = null;
            }
            if (group == null) {
                refused = true;
                continue;
            }
            lines.add(new BudgetLine(
                    new ExpenseGroup(group),
                    line.programmed().toAmounts(),
                    line.executed().toAmounts()));
        }
        return refused ? null : lines;
    }

    /** As Formulario N.5.B: each role at most once, so at most three (the schema's maxItems). */
    private static List<Signatory> signatories(List<SignatoryRequest> requested, InputFindings findings) {
        Map<SignatoryRole, Signatory> byRole = new EnumMap<>(SignatoryRole.class);
        for (int i = 0; i < requested.size(); i++) {
            SignatoryRequest s = requested.get(i);
            Signatory signatory = new Signatory(s.role(), stripped(s.name()), stripped(s.position()));
            if (byRole.putIfAbsent(s.role(), signatory) != null) {
                findings.error("/signatories/" + i + "/role", "role " + s.role() + " is given more than once");
            }
        }
        return List.copyOf(byRole.values());
    }

    /**
     * A calendar day: the schema's pattern admits {@code 2024-02-30}, which no calendar has. {@code null} with an
     * error when it is not a real day.
     */
    private static LocalDate date(String text, String at, InputFindings findings) {
        try {
            return LocalDate.parse(text, ISO_DATE);
        } catch (DateTimeParseException e) {
            findings.error(at, "expected a real date as \"YYYY-MM-DD\" but got \"" + text + "\"");
            return null;
        }
    }

    /**
     * A code as the form prints it, stripped. The schema's pattern already holds it, but a regular expression's
     * {@code $} may let a final line break through; the code's own format is checked again, in the schema's words,
     * so that the record never refuses it.
     */
    private static String matching(String text, Pattern format, String at, InputFindings findings) {
        String code = text.strip();
        if (!format.matcher(code).matches()) {
            findings.error(at, "does not have the form the schema gives (pattern ^" + format.pattern() + "$)");
            return null;
        }
        return code;
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }
}
