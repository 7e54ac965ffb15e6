package io.sello.spreadsheet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each value of a document type's JSON sits in a workbook, derived from the type's JSON Schema alone, so a new
 * type gets its template (and its import) with no code of its own. {@link TemplateWriter} and {@link WorkbookReader}
 * both use this one mapping, which is what makes the import the exact inverse of the template.
 *
 * <p>Flattening rules:
 * <ul>
 *   <li>A scalar (text, whole number, decimal, date, enumeration, yes/no) is one cell. An amount whose schema is
 *       "a number or a decimal string" ({@code oneOf}) is one decimal cell with the places the string's pattern allows
 *       ({@code ^\d{1,12}(\.\d{1,2})?$}: 2) or the number's {@code multipleOf}. A {@code oneOf} with a plain-text
 *       alternative and a formatted one (rich paragraphs) is the plain-text cell.</li>
 *   <li>The root object's scalars, its nested objects' too, are the rows of the sheet <em>Datos generales</em>: label in
 *       column A (titles joined with " · ", e.g. "Encabezado · Institución"), value in column B.</li>
 *   <li>A list is a sheet named after the list's Spanish title; one row per item, from row 2, under a header row. An item
 *       object's nested objects are flattened into columns ("PROGRAMADO · T.G.N."). A list of scalars has one column.</li>
 *   <li>A list inside a list item (an activity's budget lines) is a child sheet. The parent sheet gets a first column
 *       <em>N.º</em> (the item's number; blank means its position among the filled rows) and the child sheet a first
 *       column "<parent item> N.º" naming the parent row; a child row's order among its siblings is its order in the
 *       child sheet.</li>
 *   <li>An object inside a list item whose keys the client chooses ({@code additionalProperties}: a budget row's amounts
 *       by column key) is a child sheet too, one row per key: the parent's N.º, <em>Clave</em>, the value. A decimal
 *       that may also be a word ({@code "-"}, {@code "n.a."}) is a decimal cell that accepts those words.</li>
 *   <li>What cannot be a cell or a sheet is left out and listed in {@link #omitted()} (shown on the general sheet):
 *       alternatives between objects (a plan's content blocks), a client-keyed object outside a list, lists of lists,
 *       and a structure that contains itself (a section's subsections) from its first repetition on.</li>
 * </ul>
 */
record SheetLayout(List<Column> general, List<Table> tables, List<String> omitted) {
    static final String GENERAL_SHEET = "Datos generales";
    static final String EXAMPLE_SHEET = "Ejemplo";
    static final String KEY_HEADER = "N.º";
    static final String KEY_COLUMN = "Clave";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A decimal string pattern as the schemas write them: {@code ^-?[0-9]{1,15}(\.[0-9]+)?$}, {@code ^\d{1,12}(\.\d{1,2})?$}. */
    private static final Pattern DECIMAL_PATTERN = Pattern.compile(
            "\\^(-\\?)?(?:\\\\d|\\[0-9])(?:\\{1,(\\d+)}|\\+)(?:\\(\\\\\\.(?:\\\\d|\\[0-9])(?:\\{1,(\\d+)}|\\+)\\)\\?)?\\$");

    private static final Pattern ILLEGAL_IN_SHEET_NAME = Pattern.compile("[\\[\\]:*?/\\\\']");

    SheetLayout {
        general = List.copyOf(general);
        tables = List.copyOf(tables);
        omitted = List.copyOf(omitted);
    }

    enum Kind {
        TEXT,
        INTEGER,
        DECIMAL,
        DATE,
        CHOICE,
        YES_NO
    }

    /**
     * One cell's worth of JSON.
     *
     * @param path     property names from the row's object (the document for the general sheet, the item for a list) to
     *                 the value; empty for the item of a list of scalars
     * @param choices  the enumeration's values, as the schema writes them (strings or numbers)
     * @param places   decimal places allowed; {@code null} when the schema bounds none
     * @param asString an amount written as a decimal string in the JSON (exact), not as a JSON number
     * @param words    texts a decimal cell may hold instead of a number ("-", "n.a." in a budget row), kept as written
     */
    record Column(
            List<String> path,
            String header,
            String description,
            Kind kind,
            List<JsonNode> choices,
            Integer places,
            boolean negative,
            BigDecimal minimum,
            BigDecimal maximum,
            boolean asString,
            List<String> words,
            List<String> choiceTitles) {
        Column(
                List<String> path,
                String header,
                String description,
                Kind kind,
                List<JsonNode> choices,
                Integer places,
                boolean negative,
                BigDecimal minimum,
                BigDecimal maximum,
                boolean asString) {
            this(
                    path,
                    header,
                    description,
                    kind,
                    choices,
                    places,
                    negative,
                    minimum,
                    maximum,
                    asString,
                    List.of(),
                    List.of());
        }

        Column {
            words = List.copyOf(words);
            choiceTitles = List.copyOf(choiceTitles);
            path = List.copyOf(path);
            Objects.requireNonNull(header, "header");
            description = description == null ? "" : description;
            Objects.requireNonNull(kind, "kind");
            choices = List.copyOf(choices);
            if (kind == Kind.CHOICE && choices.isEmpty()) {
                throw new IllegalArgumentException("an enumeration has values: " + header);
            }
        }
    }

    /**
     * One list, one sheet.
     *
     * @param path        property names from the parent's item (or the document, for a top-level list) to the list
     * @param parent      index in {@link #tables()} of the list this one sits in, -1 for none
     * @param scalarItems the items are scalars: one column, whose path is empty
     * @param map         an object whose keys the client chooses (a budget row's amounts by column key): one row per key,
     *                    the key in the column {@link #KEY_COLUMN} before the value
     */
    record Table(
            String sheetName,
            String itemTitle,
            String description,
            List<String> path,
            int parent,
            List<Column> columns,
            boolean scalarItems,
            boolean map) {
        Table {
            path = List.copyOf(path);
            columns = List.copyOf(columns);
        }
    }

    /** Whether rows of table {@code index} are referred to by a child list, so they carry an N.º column. */
    boolean keyed(int index) {
        return tables.stream().anyMatch(t -> t.parent() == index);
    }

    /** Columns before the data columns of table {@code index}: the parent's N.º, then its own N.º. */
    int leadingColumns(int index) {
        return (tables.get(index).parent() >= 0 ? 1 : 0) + (keyed(index) ? 1 : 0);
    }

    /** The first column that holds a value: after the key columns and, for a map, the column of its keys. */
    int dataStart(int index) {
        return leadingColumns(index) + (tables.get(index).map() ? 1 : 0);
    }

    /** The header of the column naming the parent row in a child sheet: "Actividad N.º". */
    String parentKeyHeader(int index) {
        return tables.get(tables.get(index).parent()).itemTitle() + " " + KEY_HEADER;
    }

    static SheetLayout of(String schemaJson) {
        JsonNode schema = JSON.readTree(schemaJson);
        Builder builder = new Builder(schema.path("$defs"));
        builder.object(schema, List.of(), List.of(), builder.general, -1, new ArrayList<>(), "");
        return new SheetLayout(
                builder.general, builder.tables.stream().map(TableDraft::table).toList(), builder.omitted);
    }

    private record TableDraft(
            String sheetName,
            String itemTitle,
            String description,
            List<String> path,
            int parent,
            List<Column> columns,
            boolean scalarItems,
            boolean map) {
        Table table() {
            return new Table(sheetName, itemTitle, description, path, parent, columns, scalarItems, map);
        }
    }

    private static final class Builder {
        private final JsonNode defs;
        final List<Column> general = new ArrayList<>();
        final List<TableDraft> tables = new ArrayList<>();
        final List<String> omitted = new ArrayList<>();
        private final Set<String> sheetNames =
                new HashSet<>(Set.of(GENERAL_SHEET.toLowerCase(Locale.ROOT), EXAMPLE_SHEET.toLowerCase(Locale.ROOT)));

        Builder(JsonNode defs) {
            this.defs = defs;
        }

        void object(
                JsonNode node,
                List<String> path,
                List<String> titles,
                List<Column> into,
                int table,
                List<String> refs,
                String where) {
            JsonNode properties = resolve(node, refs).path("properties");
            for (String name : properties.propertyNames()) {
                if (name.equals("$schema")) {
                    continue; // an editor's link to the schema, never printed
                }
                JsonNode property = properties.get(name);
                List<String> refsHere = new ArrayList<>(refs);
                if (property.has("$ref") && refs.contains(property.get("$ref").stringValue())) {
                    omitted.add(where + "/" + name);
                    continue;
                }
                JsonNode resolved = resolve(property, refsHere);
                member(
                        resolved,
                        plus(path, name),
                        plus(titles, title(resolved, name)),
                        into,
                        table,
                        refsHere,
                        where + "/" + name);
            }
        }

        private void member(
                JsonNode schema,
                List<String> path,
                List<String> titles,
                List<Column> into,
                int table,
                List<String> refs,
                String where) {
            Column column = scalar(schema, path, String.join(" · ", titles));
            if (column != null) {
                into.add(column);
            } else if (schema.has("properties")) {
                object(schema, path, titles, into, table, refs, where);
            } else if (schema.has("items")) {
                list(schema, path, titles, table, refs, where);
            } else if (schema.path("additionalProperties").isObject() && table >= 0) {
                map(schema, path, titles, table, where);
            } else {
                omitted.add(where);
            }
        }

        private void list(
                JsonNode schema, List<String> path, List<String> titles, int parent, List<String> refs, String where) {
            JsonNode items = schema.get("items");
            if (items.has("$ref") && refs.contains(items.get("$ref").stringValue())) {
                omitted.add(where);
                return;
            }
            List<String> refsHere = new ArrayList<>(refs);
            JsonNode item = resolve(items, refsHere);
            String listTitle = titles.get(titles.size() - 1);
            String itemTitle = title(item, listTitle);
            Column scalar = scalar(item, List.of(), itemTitle);
            if (scalar == null && !item.has("properties")) {
                omitted.add(where);
                return;
            }
            String parentTitle = parent >= 0 ? tables.get(parent).itemTitle() : null;
            String sheetName = sheetName(listTitle, parentTitle);
            List<Column> columns = new ArrayList<>();
            TableDraft draft = new TableDraft(
                    sheetName,
                    itemTitle,
                    schema.path("description").asString(""),
                    path,
                    parent,
                    columns,
                    scalar != null,
                    false);
            tables.add(draft);
            if (scalar != null) {
                columns.add(scalar);
            } else {
                object(item, List.of(), List.of(), columns, tables.size() - 1, refsHere, where + "/[]");
            }
        }

        /** A map of scalars inside a list item: a child sheet with the key and the value of each entry. */
        private void map(JsonNode schema, List<String> path, List<String> titles, int parent, String where) {
            JsonNode values = resolve(schema.get("additionalProperties"), new ArrayList<>());
            String listTitle = titles.get(titles.size() - 1);
            Column value = scalar(values, List.of(), title(values, listTitle));
            if (value == null) {
                omitted.add(where);
                return;
            }
            String sheetName = sheetName(listTitle, tables.get(parent).itemTitle());
            tables.add(new TableDraft(
                    sheetName,
                    title(values, listTitle),
                    schema.path("description").asString(""),
                    path,
                    parent,
                    List.of(value),
                    true,
                    true));
        }

        /** A scalar cell for {@code schema}, or {@code null} when it is an object, a list or alternatives between them. */
        private Column scalar(JsonNode schema, List<String> path, String header) {
            if (schema.has("properties")
                    || schema.has("items")
                    || schema.has("additionalProperties")
                            && schema.path("type").asString("").equals("object")) {
                return null;
            }
            String description = schema.path("description").asString("");
            if (schema.has("enum") || schema.has("const")) {
                List<JsonNode> choices = new ArrayList<>();
                if (schema.has("enum")) {
                    schema.get("enum").forEach(choices::add);
                } else {
                    choices.add(schema.get("const"));
                }
                List<String> titles = new ArrayList<>();
                schema.path("x-enum-titles").forEach(t -> titles.add(t.asString("")));
                return new Column(
                        path,
                        header,
                        description,
                        Kind.CHOICE,
                        choices,
                        null,
                        false,
                        null,
                        null,
                        false,
                        List.of(),
                        titles);
            }
            JsonNode alternatives = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
            if (alternatives == null) {
                return single(schema, path, header, description);
            }
            List<Column> scalars = new ArrayList<>();
            for (JsonNode alternative : alternatives) {
                JsonNode resolved = resolve(alternative, new ArrayList<>());
                Column one = resolved.has("properties") || resolved.has("items")
                        ? null
                        : resolved.has("oneOf")
                                        || resolved.has("anyOf")
                                        || resolved.has("enum")
                                        || resolved.has("const")
                                ? scalar(resolved, path, header)
                                : single(resolved, path, header, description);
                if (one != null) {
                    scalars.add(one);
                }
            }
            if (scalars.isEmpty()) {
                return null;
            }
            List<Column> decimals =
                    scalars.stream().filter(c -> c.kind() == Kind.DECIMAL).toList();
            if (decimals.isEmpty()) {
                return scalars.get(0);
            }
            // words a decimal cell may hold instead ("-", "n.a."): an enumeration of texts beside the amount
            List<String> words = scalars.stream()
                    .filter(c -> c.kind() == Kind.CHOICE)
                    .flatMap(c -> c.choices().stream())
                    .filter(JsonNode::isString)
                    .map(JsonNode::stringValue)
                    .toList();
            // "A number or a decimal string": the tighter bound of both, written as the exact string when one is
            // allowed.
            Integer places = decimals.stream()
                    .map(Column::places)
                    .filter(Objects::nonNull)
                    .min(Integer::compare)
                    .orElse(null);
            boolean negative = decimals.stream().allMatch(Column::negative);
            BigDecimal minimum = decimals.stream()
                    .map(Column::minimum)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(negative ? null : BigDecimal.ZERO);
            BigDecimal maximum = decimals.stream()
                    .map(Column::maximum)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            boolean asString = decimals.stream().anyMatch(Column::asString);
            return new Column(
                    path,
                    header,
                    description,
                    Kind.DECIMAL,
                    List.of(),
                    places,
                    negative,
                    minimum,
                    maximum,
                    asString,
                    words,
                    List.of());
        }

        private Column single(JsonNode schema, List<String> path, String header, String description) {
            if (schema.has("enum")) {
                return scalar(schema, path, header);
            }
            JsonNode typeNode = schema.path("type");
            String type = typeNode.isArray() ? typeNode.path(0).asString("") : typeNode.asString("");
            BigDecimal minimum = schema.has("minimum")
                    ? schema.get("minimum").decimalValue()
                    : schema.has("exclusiveMinimum")
                            ? schema.get("exclusiveMinimum").decimalValue()
                            : null;
            BigDecimal maximum = schema.has("maximum")
                    ? schema.get("maximum").decimalValue()
                    : schema.has("exclusiveMaximum")
                            ? schema.get("exclusiveMaximum").decimalValue()
                            : null;
            switch (type) {
                case "string" -> {
                    if ("date".equals(schema.path("format").asString(""))) {
                        return new Column(
                                path, header, description, Kind.DATE, List.of(), null, false, null, null, false);
                    }
                    Matcher decimal =
                            DECIMAL_PATTERN.matcher(schema.path("pattern").asString(""));
                    if (decimal.matches()) {
                        Integer places = decimal.group(3) != null
                                ? Integer.valueOf(decimal.group(3))
                                : schema.path("pattern").asString("").contains("(\\.") ? null : 0;
                        BigDecimal most = decimal.group(2) == null
                                ? null
                                : BigDecimal.TEN
                                        .pow(Integer.parseInt(decimal.group(2)))
                                        .subtract(
                                                places == null || places == 0
                                                        ? BigDecimal.ONE
                                                        : BigDecimal.ONE.movePointLeft(places));
                        return new Column(
                                path,
                                header,
                                description,
                                Kind.DECIMAL,
                                List.of(),
                                places,
                                decimal.group(1) != null,
                                decimal.group(1) != null ? null : BigDecimal.ZERO,
                                most,
                                true);
                    }
                    return new Column(path, header, description, Kind.TEXT, List.of(), null, false, null, null, false);
                }
                case "integer" -> {
                    return new Column(
                            path,
                            header,
                            description,
                            Kind.INTEGER,
                            List.of(),
                            0,
                            minimum == null || minimum.signum() < 0,
                            minimum,
                            maximum,
                            false);
                }
                case "number" -> {
                    Integer places = schema.has("multipleOf")
                            ? Math.max(
                                    0,
                                    schema.get("multipleOf")
                                            .decimalValue()
                                            .stripTrailingZeros()
                                            .scale())
                            : null;
                    return new Column(
                            path,
                            header,
                            description,
                            Kind.DECIMAL,
                            List.of(),
                            places,
                            minimum == null || minimum.signum() < 0,
                            minimum,
                            maximum,
                            false);
                }
                case "boolean" -> {
                    return new Column(
                            path, header, description, Kind.YES_NO, List.of(), null, false, null, null, false);
                }
                default -> {
                    return null;
                }
            }
        }

        /** The schema with its {@code $ref} followed (the referring node's own title and description win), refs noted. */
        private JsonNode resolve(JsonNode node, List<String> refs) {
            JsonNode current = node;
            String title = node.path("title").asString(null);
            String description = node.path("description").asString(null);
            while (current.has("$ref")) {
                String ref = current.get("$ref").stringValue();
                refs.add(ref);
                current = defs.path(ref.substring(ref.lastIndexOf('/') + 1));
            }
            if (current == node || title == null && description == null) {
                return current;
            }
            ObjectNode merged = (ObjectNode) current.deepCopy();
            if (title != null) {
                merged.put("title", title);
            }
            if (description != null) {
                merged.put("description", description);
            }
            return merged;
        }

        private String sheetName(String title, String parentTitle) {
            String base = clean(title);
            String name = base;
            if (sheetNames.contains(name.toLowerCase(Locale.ROOT)) && parentTitle != null) {
                name = clean(title + " (" + parentTitle + ")");
            }
            for (int n = 2; sheetNames.contains(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = " " + n;
                name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
            }
            sheetNames.add(name.toLowerCase(Locale.ROOT));
            return name;
        }

        /** Excel's rules for sheet names: at most 31 characters, none of {@code []:*?/\}, no leading or trailing apostrophe. */
        private static String clean(String title) {
            String cleaned = ILLEGAL_IN_SHEET_NAME
                    .matcher(title)
                    .replaceAll(" ")
                    .replaceAll("\\s+", " ")
                    .strip();
            if (cleaned.isEmpty()) {
                cleaned = "Lista";
            }
            return cleaned.length() > 31 ? cleaned.substring(0, 31).strip() : cleaned;
        }

        private static String title(JsonNode schema, String fallback) {
            String title = schema.path("title").asString("").strip();
            return title.isEmpty() ? fallback : title;
        }

        private static List<String> plus(List<String> list, String element) {
            List<String> longer = new ArrayList<>(list);
            longer.add(element);
            return longer;
        }
    }
}
