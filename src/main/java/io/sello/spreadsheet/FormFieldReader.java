package io.sello.spreadsheet;

import io.sello.document.DocumentTooLargeException;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.document.Warning;
import io.sello.signing.UploadedPdf;
import io.sello.spreadsheet.SheetLayout.Column;
import io.sello.spreadsheet.SheetLayout.Table;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values typed into a fillable form ({@code GET …/fillable.pdf}), turned into the type's JSON through the type's
 * {@link SheetLayout}, the same schema-driven list of fields the spreadsheet template and reader use, and converted by
 * {@link CellValues}, as a spreadsheet cell is. So any type whose form names its fields this way reads back with no code
 * of its own.
 *
 * <p>A field is named by the JSON pointer of the value it holds: {@code /header/institution},
 * {@code /activities/3/budgetLines/1/programmed/tgn}. A list item whose fields are all empty (an unused row of the form)
 * is left out, and the items kept are numbered in order, so the fourth printed row filled after three empty ones is
 * {@code /activities/0}; errors carry that pointer and name the field as printed. Read-only fields (the printed role of
 * a signature line) count only beside a typed value. Fields of other names (a signature field) are not read.
 *
 * <p>Nothing in the file runs: the values are the ones saved in the fields ({@code /V}); a field's JavaScript (format,
 * keystroke, calculation actions) is never executed, OpenPDF has no interpreter, and it is reported as ignored. XFA is
 * removed before the fields are read, so OpenPDF never parses it, and reported as ignored too.
 */
final class FormFieldReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One value typed into the form: where it goes and how the form names it. */
    private record Typed(Column column, String field, String raw, boolean readOnly) {}

    /** An item of a list (or the document itself): its typed values, and its own lists' items by printed index. */
    private static final class Item {
        final List<Typed> values = new ArrayList<>();
        final Map<Integer, TreeMap<Integer, Item>> lists = new TreeMap<>(); // by table: the schema's order

        Item item(int table, int index) {
            return lists.computeIfAbsent(table, t -> new TreeMap<>()).computeIfAbsent(index, i -> new Item());
        }

        /** Whether anything was typed here or below: a read-only value alone is the form's own print, not an entry. */
        boolean typed() {
            return values.stream().anyMatch(v -> !v.readOnly() && !v.raw().isBlank())
                    || lists.values().stream().flatMap(m -> m.values().stream()).anyMatch(Item::typed);
        }
    }

    /** The JSON read, what was ignored, and the form's own name of each pointer's field, for the error messages. */
    record Result(ObjectNode document, List<Warning> warnings, Map<String, String> places) {
        Result {
            warnings = List.copyOf(warnings);
            places = Map.copyOf(places);
        }

        /** The error with the field's printed place put first, the pointer kept; the nearest enclosing place otherwise. */
        InputError located(InputError error) {
            return WorkbookReader.located(error, places::get);
        }
    }

    private final SheetLayout layout;
    private final int maxItems;
    private final List<InputError> errors = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private final Map<String, String> places = new HashMap<>();
    private int items;

    private FormFieldReader(SheetLayout layout, int maxItems) {
        this.layout = layout;
        this.maxItems = maxItems;
    }

    /**
     * @param form an uploaded PDF's fields, read by {@link UploadedPdf#formFields} (its limits already checked)
     * @throws InvalidInputException      values that are not what their field asks for, each naming the field
     * @throws DocumentTooLargeException  more list items than {@code maxItems}
     */
    static Result read(SheetLayout layout, UploadedPdf.FilledForm form, int maxItems) {
        return new FormFieldReader(layout, maxItems).read(form);
    }

    private Result read(UploadedPdf.FilledForm form) {
        if (!form.hasForm()) {
            // reached only when the PDF carried no Sello data either (BlankFormController tries that first)
            throw new InvalidInputException(List.of(new InputError(
                    "",
                    "the PDF carries no Sello data and has no form fields;"
                            + " upload a PDF made by Sello, or download the fillable form of this document type (fillable.pdf),"
                            + " fill it and upload it again")));
        }
        if (form.xfa()) {
            warnings.add(new Warning(
                    "",
                    "pdf-xfa-ignored",
                    "the form's XFA data was ignored; the values saved in its AcroForm fields were read"));
        }
        if (form.scripts()) {
            warnings.add(
                    new Warning(
                            "",
                            "pdf-scripts-ignored",
                            "the form's JavaScript actions were ignored; nothing was run, the values saved in its fields were read"));
        }
        Item document = new Item();
        int known = 0;
        for (UploadedPdf.FormField field : form.fields()) {
            if (place(document, field.name(), field.value(), field.readOnly())) {
                known++;
            }
        }
        if (known == 0) {
            throw new InvalidInputException(
                    List.of(
                            new InputError(
                                    "",
                                    "the PDF has no form fields of this document type;"
                                            + " download the fillable form of this document type (fillable.pdf), fill it and upload it again")));
        }
        ObjectNode json = NODES.objectNode();
        write(document, -1, json, "", "");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Result(json, warnings, places);
    }

    /** Puts a field's value where its name says; {@code false} for a name that is no value of this type. */
    private boolean place(Item document, String name, String value, boolean readOnly) {
        if (!name.startsWith("/")) {
            return false;
        }
        List<String> tokens = new ArrayList<>();
        for (String token : name.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        String raw = value == null ? "" : value;
        for (Column column : layout.general()) {
            if (column.path().equals(tokens)) {
                document.values.add(new Typed(column, name, raw, readOnly));
                return true;
            }
        }
        return inTables(document, -1, tokens, name, raw, readOnly);
    }

    /** Matches {@code tokens} against the lists whose parent is {@code parent}: list path, item index, then the rest. */
    private boolean inTables(Item owner, int parent, List<String> tokens, String name, String raw, boolean readOnly) {
        for (int t = 0; t < layout.tables().size(); t++) {
            Table table = layout.tables().get(t);
            int size = table.path().size();
            if (table.parent() != parent
                    || table.map()
                    || tokens.size() <= size
                    || !tokens.subList(0, size).equals(table.path())) {
                continue;
            }
            String index = tokens.get(size);
            if (!CellValues.WHOLE.matcher(index).matches() || index.startsWith("-") || index.length() > 7) {
                continue;
            }
            int position = Integer.parseInt(index);
            if (position >= maxItems) {
                continue; // no form prints that many rows; a crafted name is not read
            }
            List<String> rest = tokens.subList(size + 1, tokens.size());
            Item item = owner.item(t, position);
            for (Column column : table.columns()) {
                if (column.path().equals(rest)) {
                    item.values.add(new Typed(column, name, raw, readOnly));
                    return true;
                }
            }
            if (inTables(item, t, rest, name, raw, readOnly)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes {@code item}'s values and its lists into {@code target}, numbering kept items in order.
     *
     * @param pointer      where the item is in the JSON written
     * @param fieldPointer where it is as the form's field names say (the printed row's index)
     */
    private void write(Item item, int table, ObjectNode target, String pointer, String fieldPointer) {
        List<Column> order =
                table < 0 ? layout.general() : layout.tables().get(table).columns();
        item.values.sort(Comparator.comparingInt(v -> order.indexOf(v.column()))); // the schema's order, not the file's
        for (Typed typed : item.values) {
            if (typed.raw().isBlank()) {
                continue;
            }
            String at = WorkbookReader.pointer(pointer, typed.column().path());
            String place = "Form field " + typed.field() + " (" + header(table, typed.column()) + ")";
            places.put(at, place);
            CellValues.Converted converted = CellValues.fromText(typed.raw(), typed.column());
            if (converted.problem() != null) {
                errors.add(new InputError(at, place + ": " + converted.problem()));
            } else if (typed.column().path().isEmpty()) {
                // a list of scalars: the item is the value itself (handled by the caller)
                target.set("", converted.value());
            } else {
                WorkbookReader.put(target, typed.column().path(), converted.value());
            }
        }
        for (Map.Entry<Integer, TreeMap<Integer, Item>> list : item.lists.entrySet()) {
            Table listTable = layout.tables().get(list.getKey());
            String listPointer = WorkbookReader.pointer(pointer, listTable.path());
            int index = 0;
            for (Map.Entry<Integer, Item> entry : list.getValue().entrySet()) {
                if (!entry.getValue().typed()) {
                    continue;
                }
                if (++items > maxItems) {
                    throw new DocumentTooLargeException(
                            listPointer + "/" + index,
                            "a document may have at most " + maxItems
                                    + " list items (activities, budget lines, rows, cells and the like, all lists together); split it into several documents");
                }
                String itemPointer = listPointer + "/" + index++;
                String fieldItemPointer = WorkbookReader.pointer(fieldPointer, listTable.path()) + "/" + entry.getKey();
                places.putIfAbsent(
                        itemPointer,
                        "Form field " + fieldItemPointer + " (" + listTable.itemTitle() + " " + (entry.getKey() + 1)
                                + ")");
                ObjectNode object = NODES.objectNode();
                write(entry.getValue(), list.getKey(), object, itemPointer, fieldItemPointer);
                ArrayNode array = (ArrayNode) WorkbookReader.list(target, listTable.path());
                array.add(listTable.scalarItems() ? object.has("") ? object.get("") : NODES.nullNode() : object);
            }
        }
    }

    private String header(int table, Column column) {
        return table < 0 ? column.header() : layout.tables().get(table).itemTitle() + " · " + column.header();
    }
}
