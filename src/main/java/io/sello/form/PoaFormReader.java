package io.sello.form;

import io.sello.document.InputFindings;
import io.sello.input.JsonObject;
import io.sello.input.StrictJson;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.sello.input.JsonObject.Presence.OPTIONAL;
import static io.sello.input.JsonObject.Presence.REQUIRED;

/**
 * Reads a Formulario N.5.B request (the contract in {@code poa-execution-form.schema.json}) into
 * a {@link PoaExecutionForm}, collecting every error and warning on the way.
 */
public final class PoaFormReader {
    /**
     * A bound that keeps one request from occupying the renderer for minutes. Seed 000's mix of
     * activities prints about 13 to a page, so 15,000 allow the 1,000-page form of issue #7
     * (12,936 activities, docs/benchmarks.md) with some room, and no more.
     */
    static final int MAX_ACTIVITIES = 15_000;

    /** The form, or {@code null} when {@code findings} holds errors. */
    public PoaExecutionForm read(byte[] json, InputFindings findings) {
        JsonObject root = JsonObject.root(
                StrictJson.parse(json), findings, "$schema", "header", "activities", "signatories", "declaredTotals");
        if (root == null) {
            return null;
        }
        FormHeader header = header(root.object(
                "header",
                REQUIRED,
                "institution",
                "program",
                "formTitle",
                "formCode",
                "planLabel",
                "organizationalArea",
                "fiscalYear",
                "cutOffDate",
                "entityCode",
                "acronym"));
        List<Activity> activities = activities(root);
        List<Signatory> signatories = signatories(root);
        JsonObject declared = root.object("declaredTotals", OPTIONAL, "partial", "general");
        DeclaredTotal partial = declared == null
                ? null
                : declaredTotal(declared.object("partial", OPTIONAL, "programmed", "executed", "executionPercent"));
        DeclaredGrandTotal general = declared == null
                ? null
                : declaredGrandTotal(
                        declared.object("general", OPTIONAL, "programmed", "executed", "executionPercent"));
        if (findings.hasErrors()) {
            return null;
        }
        return new PoaExecutionForm(header, activities, signatories, partial, general);
    }

    private static FormHeader header(JsonObject o) {
        if (o == null) {
            return null;
        }
        String institution = o.text("institution", REQUIRED);
        String program = o.text("program", REQUIRED);
        String formTitle = o.text("formTitle", REQUIRED);
        String formCode = o.text("formCode", REQUIRED);
        String planLabel = o.text("planLabel", REQUIRED);
        String area = o.text("organizationalArea", REQUIRED);
        Integer fiscalYear = o.integer("fiscalYear", REQUIRED, 1900, 2999);
        LocalDate cutOff = o.date("cutOffDate", REQUIRED);
        String entityCode = o.text("entityCode", REQUIRED);
        String acronym = o.text("acronym", REQUIRED);
        if (o.findings().hasErrors()) {
            return null;
        }
        return new FormHeader(
                institution, program, formTitle, formCode, planLabel, area, fiscalYear, cutOff, entityCode, acronym);
    }

    private static List<Activity> activities(JsonObject root) {
        List<JsonObject> items = root.objects(
                "activities",
                REQUIRED,
                "code",
                "operation",
                "specificActivity",
                "startDate",
                "endDate",
                "indicator",
                "budgetLines",
                "declaredTotal");
        if (root.isEmptyArray("activities")) {
            root.findings().error(root.pointer("activities"), "expected at least one activity");
        }
        if (items.size() > MAX_ACTIVITIES) {
            root.findings()
                    .error(
                            root.pointer("activities"),
                            "expected at most " + MAX_ACTIVITIES + " activities but got " + items.size());
            return List.of();
        }
        List<Activity> activities = new ArrayList<>();
        Map<String, String> firstPointerByCode = new HashMap<>();
        for (JsonObject item : items) {
            if (item == null) {
                continue;
            }
            Activity activity = activity(item);
            if (activity == null) {
                continue;
            }
            String first = firstPointerByCode.putIfAbsent(activity.code().value(), item.pointer());
            if (first != null) {
                // Seed 000 repeats 11.04.01. four times. Printing it as sent keeps the form faithful
                // to what the client submitted; the warning lets a person decide.
                root.findings()
                        .warn(
                                item.pointer("code"),
                                "duplicate-activity-code",
                                "activity code " + activity.code() + " was already used at " + first
                                        + "; rendered as sent");
            }
            activities.add(activity);
        }
        return activities;
    }

    private static Activity activity(JsonObject o) {
        String code = o.matching("code", REQUIRED, ActivityCode.FORMAT, "an activity code such as \"04.01.02.\"");
        String operation = o.text("operation", OPTIONAL);
        String specificActivity = o.text("specificActivity", REQUIRED);
        LocalDate start = o.date("startDate", REQUIRED);
        LocalDate end = o.date("endDate", REQUIRED);
        if (start != null && end != null && end.isBefore(start)) {
            o.findings().error(o.pointer("endDate"), "must not be before startDate " + start + " but got " + end);
            end = null;
        }
        Indicator indicator = indicator(o.object("indicator", REQUIRED, "description", "cumulativeEfficacyPercent"));
        List<BudgetLine> lines = budgetLines(o);
        DeclaredTotal declared =
                declaredTotal(o.object("declaredTotal", OPTIONAL, "programmed", "executed", "executionPercent"));
        if (code == null
                || specificActivity == null
                || start == null
                || end == null
                || indicator == null
                || lines == null) {
            return null;
        }
        return new Activity(
                new ActivityCode(code), operation, specificActivity, start, end, indicator, lines, declared);
    }

    private static Indicator indicator(JsonObject o) {
        if (o == null) {
            return null;
        }
        String description = o.text("description", REQUIRED);
        BigDecimal efficacy = o.percent("cumulativeEfficacyPercent", REQUIRED, PrintableFigures.MAX_PERCENT);
        return description == null || efficacy == null ? null : new Indicator(description, efficacy);
    }

    /** The lines, or {@code null} if any is broken. An activity with no lines prints only its TOTAL. */
    private static List<BudgetLine> budgetLines(JsonObject activity) {
        List<JsonObject> items = activity.objects("budgetLines", OPTIONAL, "expenseGroup", "programmed", "executed");
        List<BudgetLine> lines = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        boolean broken = false;
        for (JsonObject item : items) {
            if (item == null) {
                broken = true;
                continue;
            }
            String group = item.matching(
                    "expenseGroup",
                    REQUIRED,
                    ExpenseGroup.FORMAT,
                    "an expense group such as \"20000\" (10000 … 90000)");
            SourceAmounts programmed = amounts(item.object("programmed", REQUIRED, "tgn", "otherSources"));
            SourceAmounts executed = amounts(item.object("executed", REQUIRED, "tgn", "otherSources"));
            if (group != null && seen.putIfAbsent(group, item.pointer()) != null) {
                item.findings()
                        .error(
                                item.pointer("expenseGroup"),
                                "expense group " + group + " already appears at " + seen.get(group)
                                        + "; send one line per expense group");
                group = null;
            }
            if (group == null || programmed == null || executed == null) {
                broken = true;
                continue;
            }
            lines.add(new BudgetLine(new ExpenseGroup(group), programmed, executed));
        }
        return broken ? null : lines;
    }

    private static SourceAmounts amounts(JsonObject o) {
        if (o == null) {
            return null;
        }
        BigDecimal tgn = o.money("tgn", REQUIRED, PrintableFigures.MAX_AMOUNT);
        BigDecimal other = o.money("otherSources", REQUIRED, PrintableFigures.MAX_AMOUNT);
        return tgn == null || other == null ? null : new SourceAmounts(tgn, other);
    }

    private static DeclaredTotal declaredTotal(JsonObject o) {
        if (o == null) {
            return null;
        }
        return new DeclaredTotal(
                declaredSplit(o.object("programmed", OPTIONAL, "tgn", "otherSources")),
                declaredSplit(o.object("executed", OPTIONAL, "tgn", "otherSources")),
                o.percent("executionPercent", OPTIONAL, PrintableFigures.MAX_PERCENT));
    }

    private static DeclaredSplit declaredSplit(JsonObject o) {
        return o == null
                ? null
                : new DeclaredSplit(
                        o.money("tgn", OPTIONAL, PrintableFigures.MAX_AMOUNT),
                        o.money("otherSources", OPTIONAL, PrintableFigures.MAX_AMOUNT));
    }

    private static DeclaredGrandTotal declaredGrandTotal(JsonObject o) {
        if (o == null) {
            return null;
        }
        return new DeclaredGrandTotal(
                o.money("programmed", OPTIONAL, PrintableFigures.MAX_AMOUNT),
                o.money("executed", OPTIONAL, PrintableFigures.MAX_AMOUNT),
                o.percent("executionPercent", OPTIONAL, PrintableFigures.MAX_PERCENT));
    }

    private static List<Signatory> signatories(JsonObject root) {
        Map<SignatoryRole, Signatory> byRole = new EnumMap<>(SignatoryRole.class);
        for (JsonObject o : root.objects("signatories", OPTIONAL, "role", "name", "position")) {
            if (o == null) {
                continue;
            }
            SignatoryRole role = o.enumeration("role", REQUIRED, SignatoryRole.class);
            String name = o.text("name", OPTIONAL);
            String position = o.text("position", OPTIONAL);
            if (role != null && byRole.putIfAbsent(role, new Signatory(role, name, position)) != null) {
                o.findings().error(o.pointer("role"), "role " + role + " is given more than once");
            }
        }
        return List.copyOf(byRole.values());
    }
}
