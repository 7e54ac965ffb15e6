package io.sello.spreadsheet;

import io.sello.spreadsheet.SheetLayout.Column;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed into one cell, turned into the JSON value its {@link Column} asks for. Shared by the workbook
 * reader and the fillable-PDF reader, so that the same text gives the same value, or the same refusal, in both: amounts
 * exactly (never through a {@code double}, never rounded), dates as dd/mm/yyyy or yyyy-mm-dd, enumerations by value or
 * by the Spanish title the schema gives it ({@code x-enum-titles}), yes/no in Spanish or English.
 */
final class CellValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern SCIENTIFIC = Pattern.compile("-?\\d+(\\.\\d+)?[eE][-+]?\\d{1,3}");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private CellValues() {}

    /** A cell's value, or why it is not one (English, for the error message after the cell's place). */
    record Converted(JsonNode value, String problem) {
        static Converted of(JsonNode value) {
            return new Converted(value, null);
        }

        static Converted wrong(String problem) {
            return new Converted(null, problem);
        }
    }

    /** The value of {@code raw}, a non-blank text, for {@code column}. */
    static Converted fromText(String raw, Column column) {
        return switch (column.kind()) {
            case TEXT -> Converted.of(NODES.stringNode(raw));
            case INTEGER -> integer(raw.strip());
            case DECIMAL -> decimal(raw.strip(), column);
            case DATE -> date(raw.strip());
            case CHOICE -> choice(raw.strip(), column);
            case YES_NO -> yesNo(raw.strip());
        };
    }

    static Converted integer(String raw) {
        if (WHOLE.matcher(raw).matches()) {
            return Converted.of(NODES.numberNode(new BigInteger(raw)));
        }
        return Converted.wrong("expected a whole number but got \"" + shown(raw) + "\"");
    }

    /** An amount from its decimal text: zeros may be added to reach the column's places, a digit is never dropped. */
    static Converted decimal(String raw, Column column) {
        if (raw != null && column.words().contains(raw)) {
            return Converted.of(NODES.stringNode(raw));
        }
        if (raw == null
                || !DECIMAL.matcher(raw).matches() && !SCIENTIFIC.matcher(raw).matches()) {
            return Converted.wrong("expected an amount but got \"" + shown(raw == null ? "" : raw) + "\"");
        }
        BigDecimal amount = new BigDecimal(raw);
        if (column.places() != null && amount.scale() > column.places()) {
            BigDecimal stripped = amount.stripTrailingZeros();
            if (stripped.scale() > column.places()) {
                return Converted.wrong("expected at most " + column.places() + " decimal places but got "
                        + amount.toPlainString() + " (nothing is rounded)");
            }
            amount = stripped.setScale(column.places());
        }
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
        if (column.places() != null && amount.scale() < column.places()) {
            amount = amount.setScale(column.places()); // 1234.5 → 1234.50: zeros added, never a digit dropped
        }
        return Converted.of(column.asString() ? NODES.stringNode(amount.toPlainString()) : NODES.numberNode(amount));
    }

    static Converted date(String raw) {
        Matcher dmy = DAY_MONTH_YEAR.matcher(raw);
        Matcher iso = ISO_DAY.matcher(raw);
        try {
            if (dmy.matches()) {
                return Converted.of(NODES.stringNode(LocalDate.of(
                                Integer.parseInt(dmy.group(3)),
                                Integer.parseInt(dmy.group(2)),
                                Integer.parseInt(dmy.group(1)))
                        .toString()));
            }
            if (iso.matches()) {
                return Converted.of(NODES.stringNode(LocalDate.parse(raw).toString()));
            }
        } catch (DateTimeException e) {
            // an impossible date (31/02/2020) falls through to the error
        }
        return Converted.wrong("expected a date dd/mm/yyyy but got \"" + shown(raw) + "\"");
    }

    /** One of the enumeration's values, written as the schema writes it or as its Spanish title ("Elaborado por:"). */
    static Converted choice(String raw, Column column) {
        for (JsonNode choice : column.choices()) {
            if (text(choice).equals(raw)) {
                return Converted.of(choice);
            }
        }
        String title = raw.endsWith(":") ? raw.substring(0, raw.length() - 1).strip() : raw;
        for (int i = 0; i < column.choiceTitles().size() && i < column.choices().size(); i++) {
            if (column.choiceTitles().get(i).equalsIgnoreCase(title)) {
                return Converted.of(column.choices().get(i));
            }
        }
        return Converted.wrong("expected one of "
                + column.choices().stream().map(CellValues::text).toList() + " but got \"" + shown(raw) + "\"");
    }

    static Converted yesNo(String raw) {
        String upper = raw.toUpperCase(Locale.ROOT);
        if (List.of("SÍ", "SI", "VERDADERO", "TRUE").contains(upper)) {
            return Converted.of(NODES.booleanNode(true));
        }
        if (List.of("NO", "FALSO", "FALSE").contains(upper)) {
            return Converted.of(NODES.booleanNode(false));
        }
        return Converted.wrong("expected SÍ or NO but got \"" + shown(raw) + "\"");
    }

    private static String text(JsonNode choice) {
        return choice.isString() ? choice.stringValue() : choice.toString();
    }

    /** What the person typed, shortened: a message never carries a whole 4,000-character cell. */
    static String shown(String raw) {
        return raw.length() > 60 ? raw.substring(0, 60) + "…" : raw;
    }
}
