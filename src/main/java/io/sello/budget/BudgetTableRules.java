package io.sello.budget;

import io.sello.document.InputFindings;
import io.sello.format.Currency;
import io.sello.format.NumberStyle;
import io.sello.input.JsonPointers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the schema cannot say about a budget table (docs/budget-tables.md), checked on a table the schema accepted:
 * a computed column uses columns to its left in its own currency, a conversion goes between two currencies, each key
 * is defined once, values sit on item rows and fit their column's decimals, a declared figure names a column the row
 * computes, a chart names columns of its table. Every fault is recorded at its JSON pointer; the same rules serve
 * {@code budget-summary} and the budget blocks of an operational plan.
 */
final class BudgetTableRules {
    private static final Pattern TERM = Pattern.compile("([+-]?)\\s*([a-z][a-z0-9_]*)");
    /** Money in the forms is at most 15 integer digits (hundreds of trillions). */
    private static final int MAX_INTEGER_DIGITS = 15;
    /** An exchange rate such as 1.123 or 6.96; more decimals than this are a typing slip. */
    private static final int RATE_DECIMALS = 10;

    private final String at;
    private final InputFindings findings;

    private BudgetTableRules(String at, InputFindings findings) {
        this.at = at;
        this.findings = findings;
    }

    /** The table at {@code pointer}, or {@code null} when it holds errors (all recorded in {@code findings}). */
    static BudgetTable check(BudgetTableRequest t, String pointer, InputFindings findings) {
        return new BudgetTableRules(pointer, findings).table(t);
    }

    private BudgetTable table(BudgetTableRequest t) {
        int errorsBefore = findings.errors().size();
        Style style = t.numberStyle() == null ? Style.COMMA_DOT : t.numberStyle();
        TableRounding rounding = t.rounding() == null ? TableRounding.PER_CELL : t.rounding();
        List<BudgetColumn> columns = columns(t.columns());
        // Rows are checked against the columns; with a broken column every row would repeat its fault.
        List<BudgetRow> rows = columns.size() == t.columns().size() ? rows(t.rows(), columns) : List.of();
        Chart chart = chart(t.chart(), columns);
        if (findings.errors().size() > errorsBefore) {
            return null;
        }
        return new BudgetTable(
                t.id(),
                stripped(t.title()),
                t.labelHeader().strip(),
                style.numberStyle,
                t.roundedInputs() == null || t.roundedInputs(),
                rounding,
                columns,
                rows,
                texts(t.notes()),
                chart);
    }

    private List<BudgetColumn> columns(List<BudgetTableRequest.Column> requested) {
        List<BudgetColumn> columns = new ArrayList<>();
        Map<String, BudgetColumn> left = new LinkedHashMap<>();
        Set<String> broken = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            BudgetTableRequest.Column c = requested.get(i);
            String pointer = JsonPointers.child(JsonPointers.child(at, "columns"), i);
            Computation computation = computation(c, pointer, left, broken);
            if (left.containsKey(c.key())) {
                findings.error(pointer + "/key", "column \"" + c.key() + "\" is already defined");
                continue;
            }
            if (computation == null) {
                broken.add(c.key()); // its own error is recorded; columns computed from it say nothing more
                continue;
            }
            BudgetColumn column = new BudgetColumn(
                    c.key(),
                    c.header().strip(),
                    stripped(c.group()),
                    c.currency(),
                    c.year(),
                    stripped(c.period()),
                    c.decimals() == null ? 0 : c.decimals(),
                    Boolean.TRUE.equals(c.hidden()),
                    computation);
            left.put(c.key(), column);
            columns.add(column);
        }
        if (!columns.isEmpty() && columns.stream().allMatch(BudgetColumn::hidden)) {
            findings.error(JsonPointers.child(at, "columns"), "expected at least one column that is not hidden");
        }
        return columns;
    }

    /**
     * The schema allows at most one of sum, formula and convert; it also gives the formula's form, and only HALF_UP
     * conversions in a table rounded when printed (the printout and the XLSX number format both round half up).
     */
    private Computation computation(
            BudgetTableRequest.Column c, String pointer, Map<String, BudgetColumn> left, Set<String> broken) {
        if (c.sum() != null) {
            List<String> sources = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < c.sum().size(); i++) {
                String key = c.sum().get(i);
                boolean known = source(left, broken, key, c.currency(), pointer + "/sum/" + i);
                ok &= known;
                if (known) {
                    sources.add(key);
                }
            }
            return ok ? new Computation.RowSum(sources) : null;
        }
        if (c.formula() != null) {
            List<Computation.Term> terms = new ArrayList<>();
            var matcher = TERM.matcher(c.formula().strip());
            boolean ok = true;
            while (matcher.find()) {
                String key = matcher.group(2);
                ok &= source(left, broken, key, c.currency(), pointer + "/formula");
                terms.add(new Computation.Term(key, "-".equals(matcher.group(1))));
            }
            return ok ? new Computation.Formula(terms) : null;
        }
        if (c.convert() != null) {
            return conversion(c.convert(), pointer + "/convert", left, broken, c.currency());
        }
        return new Computation.Input();
    }

    private Computation conversion(
            BudgetTableRequest.Convert convert,
            String pointer,
            Map<String, BudgetColumn> left,
            Set<String> broken,
            Currency currency) {
        String from = convert.from();
        BigDecimal value = rate(convert.rate().value(), pointer + "/rate/value");
        Currency base = convert.rate().base();
        Rounding rounding = convert.rounding() == null ? Rounding.HALF_UP : convert.rounding();
        BudgetColumn source = left.get(from);
        if (source == null && !broken.contains(from)) {
            findings.error(pointer + "/from", "expected a column to the left of this one but got \"" + from + "\"");
            return null;
        }
        if (source == null || value == null) {
            return null;
        }
        if (source.currency() == currency) {
            findings.error(
                    pointer + "/from",
                    "expected a column in another currency than " + currency + " but \"" + from + "\" is in "
                            + currency);
            return null;
        }
        if (base != source.currency() && base != currency) {
            findings.error(
                    pointer + "/rate/base",
                    "expected " + source.currency() + " or " + currency + " (the currencies converted) but got "
                            + base);
            return null;
        }
        return new Computation.Conversion(from, new ExchangeRate(base, value), rounding.mode);
    }

    /** The schema gives a positive number or a decimal string; a string may still say zero. */
    private BigDecimal rate(Object sent, String pointer) {
        BigDecimal rate = amount(sent, pointer, RATE_DECIMALS);
        if (rate != null && rate.signum() == 0) {
            findings.error(pointer, "must be greater than zero");
            return null;
        }
        return rate;
    }

    private boolean source(
            Map<String, BudgetColumn> left, Set<String> broken, String key, Currency currency, String pointer) {
        BudgetColumn source = left.get(key);
        if (source == null && broken.contains(key)) {
            return false;
        }
        if (source == null) {
            findings.error(pointer, "expected a column to the left of this one but got \"" + key + "\"");
            return false;
        }
        if (source.currency() != currency) {
            findings.error(
                    pointer,
                    "column \"" + key + "\" is in " + source.currency() + ", not " + currency + "; convert it first");
            return false;
        }
        return true;
    }

    private List<BudgetRow> rows(List<BudgetTableRequest.Row> requested, List<BudgetColumn> columns) {
        List<BudgetRow> rows = new ArrayList<>();
        Map<String, Integer> seenItems = new HashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            String pointer = JsonPointers.child(JsonPointers.child(at, "rows"), i);
            BudgetRow row = row(requested.get(i), pointer, columns);
            if (row == null) {
                continue;
            }
            if (row.kind() == BudgetRow.Kind.ITEM && !row.values().isEmpty()) {
                String signature = row.label() + "|" + new TreeMap<>(row.values());
                Integer first = seenItems.putIfAbsent(signature, rows.size());
                if (first != null) {
                    findings.warn(
                            pointer,
                            "duplicate-row",
                            "the same label and figures as row " + first + "; both are counted, as sent");
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** The schema's oneOf makes a row exactly one of a label, a heading, a subtotal or a total. */
    private BudgetRow row(BudgetTableRequest.Row r, String pointer, List<BudgetColumn> columns) {
        int errorsBefore = findings.errors().size();
        boolean group = Boolean.TRUE.equals(r.group());
        String field;
        BudgetRow.Kind kind;
        String label;
        if (r.label() != null) {
            field = "label";
            kind = group ? BudgetRow.Kind.GROUP : BudgetRow.Kind.ITEM;
            label = r.label();
        } else if (r.heading() != null) {
            field = "heading";
            kind = BudgetRow.Kind.HEADING;
            label = r.heading();
        } else if (r.subtotal() != null) {
            field = "subtotal";
            kind = BudgetRow.Kind.SUBTOTAL;
            label = r.subtotal();
        } else {
            field = "total";
            kind = BudgetRow.Kind.TOTAL;
            label = r.total();
        }
        // An item may have an empty label: seed 003's Cuadro 1 prints a row of figures with none.
        if (kind == BudgetRow.Kind.GROUP && label.isBlank()) {
            findings.error(pointer + "/label", "must not be blank");
        }
        if (group && !field.equals("label")) {
            findings.error(pointer + "/group", "only a labelled row can be a group");
        }
        if (r.values() != null && kind != BudgetRow.Kind.ITEM) {
            findings.error(pointer + "/values", "only item rows carry values; a " + field + " row is computed");
        }
        if (r.declared() != null && kind == BudgetRow.Kind.HEADING) {
            findings.error(pointer + "/declared", "a heading has no figures to declare");
        }
        Map<String, BudgetCell> values = kind == BudgetRow.Kind.ITEM && r.values() != null
                ? values(r.values(), pointer + "/values", columns)
                : Map.of();
        Map<String, BigDecimal> declared = kind == BudgetRow.Kind.HEADING || r.declared() == null
                ? Map.of()
                : declared(r.declared(), pointer + "/declared", columns, kind == BudgetRow.Kind.ITEM);
        if (findings.errors().size() > errorsBefore) {
            return null;
        }
        return new BudgetRow(
                kind,
                label.strip(),
                r.level() == null ? 0 : r.level(),
                Boolean.TRUE.equals(r.italic()),
                values,
                declared);
    }

    /** Values name the table's input columns; each amount has no more decimals than its column prints. */
    private Map<String, BudgetCell> values(Map<String, Object> sent, String pointer, List<BudgetColumn> columns) {
        Set<String> inputs = new TreeSet<>();
        columns.stream().filter(BudgetColumn::isInput).forEach(c -> inputs.add(c.key()));
        unknown(sent, pointer, inputs);
        Map<String, BudgetCell> values = new HashMap<>();
        for (BudgetColumn column : columns) {
            Object cell = sent.get(column.key());
            if (!column.isInput() || cell == null) {
                continue;
            }
            if ("-".equals(cell)) {
                values.put(column.key(), BudgetCell.DASH);
            } else if ("n.a.".equals(cell)) {
                values.put(column.key(), BudgetCell.NOT_APPLICABLE);
            } else {
                BigDecimal amount = amount(cell, JsonPointers.child(pointer, column.key()), column.decimals());
                if (amount != null) {
                    values.put(column.key(), BudgetCell.of(amount));
                }
            }
        }
        return values;
    }

    /** An item declares the figures its row computes; a subtotal or total may declare any column's. */
    private Map<String, BigDecimal> declared(
            Map<String, Object> sent, String pointer, List<BudgetColumn> columns, boolean item) {
        Set<String> declarable = new TreeSet<>();
        columns.stream().filter(c -> !item || !c.isInput()).forEach(c -> declarable.add(c.key()));
        unknown(sent, pointer, declarable);
        Map<String, BigDecimal> declared = new HashMap<>();
        sent.forEach((key, figure) -> {
            if (!declarable.contains(key)) {
                return;
            }
            BigDecimal amount =
                    "-".equals(figure) ? BigDecimal.ZERO : amount(figure, JsonPointers.child(pointer, key), 2);
            if (amount != null) {
                declared.put(key, amount);
            }
        });
        return declared;
    }

    private void unknown(Map<String, Object> sent, String pointer, Set<String> fields) {
        for (String name : sent.keySet()) {
            if (!fields.contains(name)) {
                findings.error(
                        JsonPointers.child(pointer, name), "unknown field \"" + name + "\"; expected one of " + fields);
            }
        }
    }

    private Chart chart(BudgetTableRequest.ChartRequest c, List<BudgetColumn> columns) {
        if (c == null) {
            return null;
        }
        String pointer = JsonPointers.child(at, "chart");
        if (c.title().isBlank()) {
            findings.error(pointer + "/title", "must not be blank");
        }
        Set<String> keys = new HashSet<>();
        columns.forEach(column -> keys.add(column.key()));
        for (int i = 0; i < c.columns().size(); i++) {
            String key = c.columns().get(i);
            if (!keys.contains(key)) {
                findings.error(
                        pointer + "/columns/" + i, "expected a column key of this table but got \"" + key + "\"");
            }
        }
        return new Chart(c.title().strip(), c.columns());
    }

    /**
     * A JSON number or a decimal string as bound (the schema has checked the form), exact; at most {@code maxDecimals}
     * decimals and 15 integer digits.
     */
    private BigDecimal amount(Object sent, String pointer, int maxDecimals) {
        BigDecimal number = sent instanceof BigDecimal decimal
                ? decimal
                : new BigDecimal(sent.toString().strip());
        if (Math.max(number.stripTrailingZeros().scale(), 0) > maxDecimals) {
            findings.error(pointer, "expected at most " + maxDecimals + " decimals but got " + brief(number));
            return null;
        }
        if (number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
            findings.error(pointer, "expected at most " + MAX_INTEGER_DIGITS + " integer digits");
            return null;
        }
        return number.scale() < 0 ? number.setScale(0) : number;
    }

    /** A number as the client can recognise it, never a billion digits long ({@code 1e1000000000}). */
    private static String brief(BigDecimal number) {
        String text = Math.abs(number.scale()) > 30 ? number.toString() : number.toPlainString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    static String stripped(String text) {
        return text == null ? null : text.strip();
    }

    /** Notes as printed: each stripped, blank ones left out. */
    static List<String> texts(List<String> notes) {
        return notes == null
                ? List.of()
                : notes.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
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
