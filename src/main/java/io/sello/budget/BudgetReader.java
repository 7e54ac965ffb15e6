package io.sello.budget;

import io.sello.format.Currency;
import io.sello.format.NumberStyle;
import io.sello.document.InputFindings;
import io.sello.input.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.sello.input.JsonObject.Presence.OPTIONAL;
import static io.sello.input.JsonObject.Presence.REQUIRED;

/**
 * Reads one budget table (docs/budget-tables.md) wherever it sits in a request, recording every
 * error with its JSON pointer. The same reader serves {@code budget-summary} and the budget blocks
 * of an operational plan.
 */
public final class BudgetReader {
    public static final String[] FIELDS = {"id", "title", "labelHeader", "numberStyle", "roundedInputs", "rounding",
            "columns",
            "rows", "notes", "chart"};
    private static final String[] COLUMN_FIELDS = {"key", "header", "group", "currency", "year", "period", "decimals",
            "hidden", "sum", "formula", "convert"};
    private static final String[] ROW_FIELDS = {"label", "group", "heading", "subtotal", "total", "level", "italic",
            "values", "declared"};
    private static final int MAX_COLUMNS = 30;
    private static final int MAX_ROWS = 2000;
    private static final int MAX_NOTES = 50;
    private static final Pattern FORMULA = Pattern.compile(
            "-?\\s*[a-z][a-z0-9_]{0,39}(\\s*[+-]\\s*[a-z][a-z0-9_]{0,39}){0,29}");
    private static final Pattern TERM = Pattern.compile("([+-]?)\\s*([a-z][a-z0-9_]*)");

    private BudgetReader() {
    }

    /** The table, or {@code null} when it holds errors (all recorded in the owner's findings). */
    public static BudgetTable read(JsonObject t) {
        if (t == null) {
            return null;
        }
        InputFindings findings = t.findings();
        int errorsBefore = findings.errors().size();
        String id = t.matching("id", REQUIRED, BudgetTable.ID, "an id of lowercase letters, digits and dashes (" + BudgetTable.ID + ")");
        String title = t.text("title", OPTIONAL);
        String labelHeader = t.text("labelHeader", REQUIRED);
        Style style = t.has("numberStyle") ? t.enumeration("numberStyle", REQUIRED, Style.class) : Style.COMMA_DOT;
        boolean roundedInputs = !t.has("roundedInputs") || t.flag("roundedInputs");
        TableRounding rounding = Choice.read(t, "rounding", TableRounding.values(), TableRounding::wire, TableRounding.PER_CELL);
        List<BudgetColumn> columns = columns(t, rounding);
        // Rows are read against the columns; with a broken column every row would repeat its fault.
        List<BudgetRow> rows = columns.size() == t.arrayLength("columns") ? rows(t, columns) : List.of();
        List<String> notes = new ArrayList<>();
        if (t.arrayLength("notes") > MAX_NOTES) {
            findings.error(t.pointer("notes"), "expected at most " + MAX_NOTES + " notes");
        } else {
            for (var note : t.elements("notes", OPTIONAL)) {
                String text = note.text();
                if (text != null && !text.isBlank()) {
                    notes.add(text.strip());
                }
            }
        }
        Chart chart = chart(t.object("chart", OPTIONAL, "title", "columns"), columns);
        if (findings.errors().size() > errorsBefore || style == null || rounding == null) {
            return null;
        }
        return new BudgetTable(id, title, labelHeader, style.numberStyle, roundedInputs, rounding, columns, rows, notes, chart);
    }

    private static List<BudgetColumn> columns(JsonObject t, TableRounding rounding) {
        List<BudgetColumn> columns = new ArrayList<>();
        int count = t.arrayLength("columns");
        if (count == 0 || count > MAX_COLUMNS) {
            t.findings().error(t.pointer("columns"), "expected 1 to " + MAX_COLUMNS + " columns but got " + count);
            return columns;
        }
        Map<String, BudgetColumn> left = new LinkedHashMap<>();
        Set<String> broken = new java.util.HashSet<>();
        for (JsonObject c : t.objects("columns", REQUIRED, COLUMN_FIELDS)) {
            if (c == null) {
                continue;
            }
            String key = c.matching("key", REQUIRED, BudgetColumn.KEY, "a key of lowercase letters, digits and _ starting with a letter");
            String header = c.text("header", REQUIRED);
            String group = c.text("group", OPTIONAL);
            Currency currency = c.enumeration("currency", REQUIRED, Currency.class);
            Integer year = c.integer("year", OPTIONAL, 1900, 2200);
            String period = c.text("period", OPTIONAL);
            Integer decimals = c.has("decimals") ? c.integer("decimals", REQUIRED, 0, 2) : Integer.valueOf(0);
            if (decimals != null && decimals == 1) {
                c.findings().error(c.pointer("decimals"), "expected 0 or 2 decimals but got 1");
                decimals = null;
            }
            boolean hidden = c.flag("hidden");
            Computation computation = currency == null ? null : computation(c, left, broken, currency, rounding);
            if (key != null && left.containsKey(key)) {
                c.findings().error(c.pointer("key"), "column \"" + key + "\" is already defined");
                continue;
            }
            if (key != null && header != null && currency != null && decimals != null && computation != null) {
                BudgetColumn column = new BudgetColumn(key, header, group, currency, year, period, decimals, hidden, computation);
                left.put(key, column);
                columns.add(column);
            } else if (key != null) {
                broken.add(key); // its own error is recorded; columns computed from it say nothing more
            }
        }
        if (!columns.isEmpty() && columns.stream().allMatch(BudgetColumn::hidden)) {
            t.findings().error(t.pointer("columns"), "expected at least one column that is not hidden");
        }
        return columns;
    }

    private static Computation computation(JsonObject c, Map<String, BudgetColumn> left, Set<String> broken, Currency currency,
                                           TableRounding tableRounding) {
        int kinds = (c.has("sum") ? 1 : 0) + (c.has("formula") ? 1 : 0) + (c.has("convert") ? 1 : 0);
        if (kinds > 1) {
            c.findings().error(c.pointer(), "expected at most one of \"sum\", \"formula\", \"convert\"");
            return null;
        }
        if (c.has("sum")) {
            List<String> sources = new ArrayList<>();
            for (var element : c.elements("sum", REQUIRED)) {
                String key = element.text();
                if (key != null && source(left, broken, key, currency, element.pointer(), c.findings())) {
                    sources.add(key);
                }
            }
            if (c.isEmptyArray("sum")) {
                c.findings().error(c.pointer("sum"), "expected at least one column to add up");
            }
            return sources.isEmpty() ? null : new Computation.RowSum(sources);
        }
        if (c.has("formula")) {
            return formula(c, left, broken, currency);
        }
        if (c.has("convert")) {
            return conversion(c.object("convert", REQUIRED, "from", "rate", "rounding"), left, broken, currency, tableRounding);
        }
        return new Computation.Input();
    }

    private static Computation formula(JsonObject c, Map<String, BudgetColumn> left, Set<String> broken, Currency currency) {
        String text = c.text("formula", REQUIRED);
        if (text == null) {
            return null;
        }
        if (!FORMULA.matcher(text).matches()) {
            c.findings().error(c.pointer("formula"), "expected column keys joined by + and - (such as \"usd + igv - executed\")"
                    + " but got \"" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "\"");
            return null;
        }
        List<Computation.Term> terms = new ArrayList<>();
        var matcher = TERM.matcher(text);
        boolean ok = true;
        while (matcher.find()) {
            String key = matcher.group(2);
            ok &= source(left, broken, key, currency, c.pointer("formula"), c.findings());
            terms.add(new Computation.Term(key, "-".equals(matcher.group(1))));
        }
        return ok ? new Computation.Formula(terms) : null;
    }

    private static Computation conversion(JsonObject convert, Map<String, BudgetColumn> left, Set<String> broken,
                                          Currency currency, TableRounding tableRounding) {
        if (convert == null) {
            return null;
        }
        String from = convert.text("from", REQUIRED);
        JsonObject r = convert.object("rate", REQUIRED, "base", "value");
        Currency base = r == null ? null : r.enumeration("base", REQUIRED, Currency.class);
        BigDecimal value = r == null ? null : r.positive("value", REQUIRED, "an exchange rate");
        Rounding rounding = convert.has("rounding") ? convert.enumeration("rounding", REQUIRED, Rounding.class) : Rounding.HALF_UP;
        BudgetColumn source = from == null ? null : left.get(from);
        if (from != null && source == null && !broken.contains(from)) {
            convert.findings().error(convert.pointer("from"), "expected a column to the left of this one but got \"" + from + "\"");
            return null;
        }
        if (source == null || base == null || value == null || rounding == null) {
            return null;
        }
        if (tableRounding == TableRounding.DISPLAY && rounding != Rounding.HALF_UP) {
            // A display-rounded column is rounded by the printout and by the XLSX number format, both half up.
            convert.findings().error(convert.pointer("rounding"), "expected HALF_UP (or no rounding) in a table with"
                    + " \"rounding\": \"display\", which rounds only when printed, half up, but got " + rounding);
            return null;
        }
        if (source.currency() == currency) {
            convert.findings().error(convert.pointer("from"), "expected a column in another currency than " + currency
                    + " but \"" + from + "\" is in " + currency);
            return null;
        }
        if (base != source.currency() && base != currency) {
            convert.findings().error(r.pointer("base"), "expected " + source.currency() + " or " + currency
                    + " (the currencies converted) but got " + base);
            return null;
        }
        return new Computation.Conversion(from, new ExchangeRate(base, value), rounding.mode);
    }

    private static boolean source(Map<String, BudgetColumn> left, Set<String> broken, String key, Currency currency,
                                  String pointer, InputFindings findings) {
        BudgetColumn source = left.get(key);
        if (source == null && broken.contains(key)) {
            return false;
        }
        if (source == null) {
            findings.error(pointer, "expected a column to the left of this one but got \"" + key + "\"");
            return false;
        }
        if (source.currency() != currency) {
            findings.error(pointer, "column \"" + key + "\" is in " + source.currency() + ", not " + currency
                    + "; convert it first");
            return false;
        }
        return true;
    }

    private static List<BudgetRow> rows(JsonObject t, List<BudgetColumn> columns) {
        List<BudgetRow> rows = new ArrayList<>();
        int count = t.arrayLength("rows");
        if (count == 0 || count > MAX_ROWS) {
            t.findings().error(t.pointer("rows"), "expected 1 to " + MAX_ROWS + " rows but got " + count);
            return rows;
        }
        String[] inputs = columns.stream().filter(BudgetColumn::isInput).map(BudgetColumn::key).toArray(String[]::new);
        String[] all = columns.stream().map(BudgetColumn::key).toArray(String[]::new);
        String[] computed = columns.stream().filter(c -> !c.isInput()).map(BudgetColumn::key).toArray(String[]::new);
        Map<String, Integer> seenItems = new HashMap<>();
        for (JsonObject r : t.objects("rows", REQUIRED, ROW_FIELDS)) {
            if (r == null) {
                continue;
            }
            BudgetRow row = row(r, columns, inputs, all, computed);
            if (row == null) {
                continue;
            }
            if (row.kind() == BudgetRow.Kind.ITEM && !row.values().isEmpty()) {
                String signature = row.label() + "|" + new java.util.TreeMap<>(row.values());
                Integer first = seenItems.putIfAbsent(signature, rows.size());
                if (first != null) {
                    t.findings().warn(r.pointer(), "duplicate-row", "the same label and figures as row " + first
                            + "; both are counted, as sent");
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static BudgetRow row(JsonObject r, List<BudgetColumn> columns, String[] inputs, String[] all, String[] computed) {
        List<String> kinds = new ArrayList<>();
        for (String field : List.of("label", "heading", "subtotal", "total")) {
            if (r.has(field)) {
                kinds.add(field);
            }
        }
        if (kinds.size() != 1) {
            r.findings().error(r.pointer(), "expected exactly one of \"label\", \"heading\", \"subtotal\", \"total\"");
            return null;
        }
        String field = kinds.get(0);
        boolean group = r.flag("group");
        BudgetRow.Kind kind = switch (field) {
            case "label" -> group ? BudgetRow.Kind.GROUP : BudgetRow.Kind.ITEM;
            case "heading" -> BudgetRow.Kind.HEADING;
            case "subtotal" -> BudgetRow.Kind.SUBTOTAL;
            default -> BudgetRow.Kind.TOTAL;
        };
        // An item may have an empty label: seed 003's Cuadro 1 prints a row of figures with none.
        String label = r.isString(field) && kind == BudgetRow.Kind.ITEM && r.text(field, OPTIONAL) != null
                ? r.text(field, OPTIONAL) : r.text(field, REQUIRED);
        Integer level = r.has("level") ? r.integer("level", REQUIRED, 0, BudgetRow.MAX_LEVEL) : Integer.valueOf(0);
        boolean italic = r.flag("italic");
        if (group && !field.equals("label")) {
            r.findings().error(r.pointer("group"), "only a labelled row can be a group");
        }
        if (r.has("values") && kind != BudgetRow.Kind.ITEM) {
            r.findings().error(r.pointer("values"), "only item rows carry values; a " + field + " row is computed");
        }
        if (r.has("declared") && kind == BudgetRow.Kind.HEADING) {
            r.findings().error(r.pointer("declared"), "a heading has no figures to declare");
        }
        Map<String, BudgetCell> values = kind == BudgetRow.Kind.ITEM ? values(r.object("values", OPTIONAL, inputs), columns) : Map.of();
        String[] declarable = kind == BudgetRow.Kind.ITEM ? computed : all;
        Map<String, BigDecimal> declared = kind == BudgetRow.Kind.HEADING ? Map.of()
                : declared(r.object("declared", OPTIONAL, declarable));
        if (label == null || level == null || values == null || declared == null) {
            return null;
        }
        return new BudgetRow(kind, label, level, italic, values, declared);
    }

    private static Map<String, BudgetCell> values(JsonObject v, List<BudgetColumn> columns) {
        Map<String, BudgetCell> values = new HashMap<>();
        if (v == null) {
            return values;
        }
        boolean ok = true;
        for (BudgetColumn column : columns) {
            String key = column.key();
            if (!column.isInput() || !v.has(key)) {
                continue;
            }
            BudgetCell cell = cell(v, key, column.decimals());
            ok &= cell != null;
            if (cell != null) {
                values.put(key, cell);
            }
        }
        return ok ? values : null;
    }

    private static BudgetCell cell(JsonObject v, String key, int decimals) {
        if (v.isString(key)) {
            String text = v.text(key, REQUIRED);
            if ("-".equals(text)) {
                return BudgetCell.DASH;
            }
            if ("n.a.".equals(text)) {
                return BudgetCell.NOT_APPLICABLE;
            }
            if (text != null && !text.matches("-?\\d+(\\.\\d+)?")) {
                v.findings().error(v.pointer(key), "expected an amount, \"-\" or \"n.a.\" but got \""
                        + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"");
                return null;
            }
        }
        BigDecimal amount = v.signedAmount(key, REQUIRED, decimals);
        return amount == null ? null : BudgetCell.of(amount);
    }

    private static Map<String, BigDecimal> declared(JsonObject d) {
        Map<String, BigDecimal> declared = new HashMap<>();
        if (d == null) {
            return declared;
        }
        boolean ok = true;
        for (String key : d.fieldNames()) {
            if (d.isString(key) && "-".equals(d.text(key, REQUIRED))) {
                declared.put(key, BigDecimal.ZERO);
                continue;
            }
            BigDecimal amount = d.signedAmount(key, REQUIRED, 2);
            ok &= amount != null;
            if (amount != null) {
                declared.put(key, amount);
            }
        }
        return ok ? declared : null;
    }

    private static Chart chart(JsonObject c, List<BudgetColumn> columns) {
        if (c == null) {
            return null;
        }
        String title = c.text("title", REQUIRED);
        Set<String> keys = new java.util.HashSet<>();
        columns.forEach(column -> keys.add(column.key()));
        List<String> selected = new ArrayList<>();
        for (var element : c.elements("columns", REQUIRED)) {
            String key = element.text();
            if (key != null && !keys.contains(key)) {
                element.reject("expected a column key of this table but got \"" + key + "\"");
            } else if (key != null) {
                selected.add(key);
            }
        }
        if (c.isEmptyArray("columns") || c.arrayLength("columns") > 12) {
            c.findings().error(c.pointer("columns"), "expected 1 to 12 columns to chart");
            return null;
        }
        return title == null || selected.isEmpty() ? null : new Chart(title, selected);
    }

    /** Number styles by the names clients write (docs/budget-tables.md). */
    enum Style {
        COMMA_DOT(NumberStyle.COMMA_GROUPS_DOT_DECIMALS),
        DOT_COMMA(NumberStyle.DOT_GROUPS_COMMA_DECIMALS),
        APOSTROPHE(NumberStyle.APOSTROPHE_GROUPS_DOT_DECIMALS);

        final NumberStyle numberStyle;

        Style(NumberStyle numberStyle) {
            this.numberStyle = numberStyle;
        }
    }

    /** The rounding rules a conversion may state; never UNNECESSARY, which would fail on 1/1.123. */
    enum Rounding {
        HALF_UP(RoundingMode.HALF_UP),
        HALF_EVEN(RoundingMode.HALF_EVEN),
        DOWN(RoundingMode.DOWN),
        UP(RoundingMode.UP);

        final RoundingMode mode;

        Rounding(RoundingMode mode) {
            this.mode = mode;
        }
    }
}
