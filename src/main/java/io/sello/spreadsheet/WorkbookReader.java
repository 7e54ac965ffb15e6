package io.sello.spreadsheet;

import io.sello.document.DocumentTooLargeException;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.document.Warning;
import io.sello.spreadsheet.Grid.Cell;
import io.sello.spreadsheet.SheetLayout.Column;
import io.sello.spreadsheet.SheetLayout.Table;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a filled template back into the type's JSON, through the same {@link SheetLayout} that wrote it.
 *
 * <p>Nothing in the file runs or is fetched: formulas are read as the value the spreadsheet program cached when it saved
 * (the server never evaluates one), external links, DDE links, embedded OLE objects and ActiveX controls are ignored
 * with a warning, and a macro-enabled workbook (a {@code vbaProject} part or the {@code .xlsm} content type) is refused.
 * Amounts are read from the cell's stored decimal text (the {@code <v>} element), never through a {@code double}, so a
 * cell shown as 1,237,022.00 that holds 1237022.004 is refused rather than rounded.
 */
final class WorkbookReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** At most this many bytes one part of the workbook (a sheet's XML, the shared strings) may inflate to. */
    static final long MAX_PART_SIZE = 32L * 1024 * 1024;
    /** A part may inflate to at most 100 times its compressed size: ordinary sheets stay far below, zip bombs far above. */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** Characters of text POI collects from one part at most. */
    static final long MAX_TEXT_SIZE = 10_000_000;

    static {
        // Process-wide settings of POI, set deliberately here (the service reads no other OOXML file): POI checks them
        // while it inflates, so a zip bomb is stopped after at most MAX_PART_SIZE bytes of work.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_PART_SIZE);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_SIZE);
        ZipSecureFile.setMaxFileCount(1000);
    }

    /** Where a value sits in the workbook, as the person filling it sees it. */
    record Location(String sheet, int row, String column, String header) {
        String describe() {
            return "Sheet " + sheet + ", row " + row
                    + (column == null ? "" : ", column " + column + " (" + header + ")");
        }
    }

    /** The JSON read, what was ignored, and where each pointer's value came from. */
    record Result(ObjectNode document, List<Warning> warnings, Map<String, Location> locations) {
        Result {
            warnings = List.copyOf(warnings);
            locations = Map.copyOf(locations);
        }

        /** The error with its place in the workbook put first, the pointer kept; the nearest enclosing place if the pointer has none. */
        InputError located(InputError error) {
            return WorkbookReader.located(error, pointer -> {
                Location location = locations.get(pointer);
                return location == null ? null : location.describe();
            });
        }
    }

    /**
     * The error with the place of its pointer put first, the pointer kept; the place of the nearest enclosing pointer
     * that has one otherwise, or the error as it is. Shared with {@link FormFieldReader}, whose places are field names.
     */
    static InputError located(InputError error, Function<String, String> placeOf) {
        for (String pointer = error.pointer(); ; pointer = pointer.substring(0, pointer.lastIndexOf('/'))) {
            String place = placeOf.apply(pointer);
            if (place != null) {
                return new InputError(error.pointer(), place + ": " + error.message());
            }
            if (pointer.isEmpty()) {
                return error;
            }
        }
    }

    private final SheetLayout layout;
    private final int maxItems;
    private final List<InputError> errors = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private final Map<String, Location> locations = new LinkedHashMap<>();
    private int items;

    private WorkbookReader(SheetLayout layout, int maxItems) {
        this.layout = layout;
        this.maxItems = maxItems;
    }

    /**
     * @throws SpreadsheetRefusedException not a workbook, too large once inflated, or macro-enabled
     * @throws InvalidInputException       cells that do not hold what their column asks for, each located
     * @throws DocumentTooLargeException  more list items than {@code maxItems}
     */
    static Result read(SheetLayout layout, byte[] xlsx, int maxItems) {
        return new WorkbookReader(layout, maxItems).read(xlsx);
    }

    private Result read(byte[] xlsx) {
        if (xlsx == null || xlsx.length < 4 || xlsx[0] != 'P' || xlsx[1] != 'K') {
            throw SpreadsheetRefusedException.unreadable(
                    "the body is not an XLSX workbook (a ZIP file); save the spreadsheet as Excel .xlsx");
        }
        try (OPCPackage pkg = open(xlsx);
                XSSFWorkbook workbook = workbook(pkg)) {
            ObjectNode document = NODES.objectNode();
            XSSFSheet general = workbook.getSheet(SheetLayout.GENERAL_SHEET);
            general(general == null ? null : Grid.of(general), document);
            tables(
                    name -> {
                        XSSFSheet sheet = workbook.getSheet(name);
                        return sheet == null ? null : Grid.of(sheet);
                    },
                    document);
            return result(document);
        } catch (IOException e) {
            throw SpreadsheetRefusedException.unreadable(
                    "the workbook could not be read; save the spreadsheet as Excel .xlsx");
        }
    }

    /**
     * One list of the layout from a sheet on its own (a CSV file): its rows become {@code {"<list>": [...]}}, each cell
     * checked as the workbook's would be. The list's child lists, which live in other sheets, are left out.
     */
    static Result readList(SheetLayout layout, int table, Grid grid, int maxItems) {
        WorkbookReader reader = new WorkbookReader(layout, maxItems);
        ObjectNode document = NODES.objectNode();
        String name = layout.tables().get(table).sheetName();
        reader.tables(sheet -> sheet.equals(name) ? grid : null, document);
        return reader.result(document);
    }

    private Result result(ObjectNode document) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Result(document, warnings, locations);
    }

    private OPCPackage open(byte[] xlsx) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(xlsx));
        } catch (Exception | OutOfMemoryError e) {
            throw refusal(e);
        }
        try {
            activeContent(pkg);
        } catch (RuntimeException e) {
            pkg.revert();
            throw e;
        }
        return pkg;
    }

    private XSSFWorkbook workbook(OPCPackage pkg) {
        try {
            return new XSSFWorkbook(pkg);
        } catch (Exception | OutOfMemoryError e) {
            pkg.revert();
            throw refusal(e);
        }
    }

    /** POI's zip-bomb and size checks surface as exceptions whose message says so, wrapped in its own kinds. */
    private static SpreadsheetRefusedException refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof OutOfMemoryError
                    || message.contains("Zip bomb")
                    || message.contains("max entry size")
                    || message.contains("exceeds the max")
                    || message.contains("MaxFileCount")) {
                return SpreadsheetRefusedException.tooLarge(
                        "the workbook expands to more than the service reads: at most "
                                + MAX_PART_SIZE / (1024 * 1024) + " MB per part and "
                                + Math.round(1 / MIN_INFLATE_RATIO)
                                + " times its compressed size (a zip bomb is refused)");
            }
        }
        return SpreadsheetRefusedException.unreadable(
                "the workbook could not be read; save the spreadsheet as Excel .xlsx");
    }

    /** Macros are refused; links, DDE and embedded objects are ignored (POI never fetches or runs them) and reported. */
    private void activeContent(OPCPackage pkg) {
        boolean external = false;
        boolean embedded = false;
        List<PackagePart> parts;
        try {
            parts = pkg.getParts();
        } catch (InvalidFormatException e) {
            throw SpreadsheetRefusedException.unreadable(
                    "the workbook could not be read; save the spreadsheet as Excel .xlsx");
        }
        for (PackagePart part : parts) {
            String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
            String type = part.getContentType().toLowerCase(Locale.ROOT);
            if (name.contains("vbaproject") || type.contains("macroenabled") || type.contains("vbaproject")) {
                throw SpreadsheetRefusedException.unreadable(
                        "macro-enabled workbooks (.xlsm) are refused; save the spreadsheet as Excel .xlsx without macros");
            }
            external |= name.startsWith("/xl/externallinks/");
            embedded |=
                    name.startsWith("/xl/embeddings/") || name.startsWith("/xl/activex/") || type.contains("oleobject");
        }
        if (external) {
            warnings.add(new Warning(
                    "",
                    "spreadsheet-links-ignored",
                    "the workbook's links to other files (external links, DDE) were ignored; nothing was fetched"));
        }
        if (embedded) {
            warnings.add(new Warning(
                    "",
                    "spreadsheet-objects-ignored",
                    "the workbook's embedded objects (OLE, ActiveX) were ignored; nothing was run"));
        }
    }

    private void general(Grid sheet, ObjectNode document) {
        if (sheet == null) {
            if (!layout.general().isEmpty()) {
                errors.add(new InputError(
                        "",
                        "the workbook has no sheet " + SheetLayout.GENERAL_SHEET
                                + "; download the template of this document type and fill it"));
            }
            return;
        }
        for (int r = 0; r < layout.general().size(); r++) {
            Column column = layout.general().get(r);
            Cell labelCell = sheet.cell(r + 1, 0);
            String label = labelCell == null ? "" : labelCell.shown().strip();
            String pointer = pointer("", column.path());
            Location location = new Location(SheetLayout.GENERAL_SHEET, r + 2, "B", column.header());
            locations.put(pointer, location);
            if (!label.equals(column.header())) {
                errors.add(new InputError(
                        pointer,
                        new Location(SheetLayout.GENERAL_SHEET, r + 2, "A", "Campo").describe()
                                + ": expected the field \"" + column.header() + "\" but found \"" + label
                                + "\"; download the template of this document type again"));
                continue;
            }
            JsonNode value = value(sheet.cell(r + 1, 1), column, pointer, location);
            if (value != null) {
                put(document, column.path(), value);
            }
        }
    }

    private void tables(Function<String, Grid> sheets, ObjectNode document) {
        List<Map<Integer, ObjectNode>> keyed = new ArrayList<>();
        List<Map<Integer, String>> keyedPointers = new ArrayList<>();
        List<String> listPointers = new ArrayList<>();
        for (int t = 0; t < layout.tables().size(); t++) {
            Table table = layout.tables().get(t);
            Map<Integer, ObjectNode> rowsByNumber = new HashMap<>();
            Map<Integer, String> pointersByNumber = new HashMap<>();
            keyed.add(rowsByNumber);
            keyedPointers.add(pointersByNumber);
            Grid sheet = sheets.apply(table.sheetName());
            if (sheet == null) {
                continue; // a list sheet removed is an empty list: the type's own checks say whether it may be
            }
            if (sheet.rows() - 1 > maxItems) {
                throw new DocumentTooLargeException(topList(t), tooMany());
            }
            List<String> headers = TemplateWriter.headers(layout, t);
            if (!headersMatch(sheet, table, headers)) {
                continue;
            }
            int lead = layout.leadingColumns(t);
            int data = layout.dataStart(t);
            boolean child = table.parent() >= 0;
            boolean hasKey = layout.keyed(t);
            Map<String, Integer> counts = new HashMap<>();
            int position = 0;
            for (int r = 1; r <= sheet.lastRow(); r++) {
                if (blank(sheet, r, headers.size())) {
                    continue;
                }
                position++;
                ObjectNode owner = document;
                String ownerPointer = "";
                if (child) {
                    Integer parentNumber = key(sheet, r, 0, table, headers.get(0));
                    if (parentNumber == null) {
                        continue;
                    }
                    owner = keyed.get(table.parent()).get(parentNumber);
                    ownerPointer = keyedPointers.get(table.parent()).get(parentNumber);
                    if (owner == null) {
                        errors.add(new InputError(
                                topList(t),
                                new Location(table.sheetName(), r + 1, "A", headers.get(0)).describe()
                                        + ": no row of sheet "
                                        + layout.tables().get(table.parent()).sheetName() + " has N.º "
                                        + parentNumber));
                        continue;
                    }
                }
                String listPointer = pointer(ownerPointer, table.path());
                if (table.map()) {
                    mapEntry(sheet, r, t, lead, owner, listPointer);
                    continue;
                }
                int index = counts.merge(listPointer, 1, Integer::sum) - 1;
                if (index == 0) {
                    locations.putIfAbsent(listPointer, new Location(table.sheetName(), r + 1, null, null));
                    listPointers.add(listPointer);
                }
                if (++items > maxItems) {
                    throw new DocumentTooLargeException(listPointer + "/" + index, tooMany());
                }
                String itemPointer = listPointer + "/" + index;
                locations.put(itemPointer, new Location(table.sheetName(), r + 1, null, null));
                JsonNode item;
                if (table.scalarItems()) {
                    Column column = table.columns().get(0);
                    Location location = location(table, r, data, column);
                    locations.put(itemPointer, location);
                    item = value(sheet.cell(r, data), column, itemPointer, location);
                    if (item == null) {
                        item = NODES.nullNode();
                    }
                } else {
                    ObjectNode object = NODES.objectNode();
                    for (int c = 0; c < table.columns().size(); c++) {
                        Column column = table.columns().get(c);
                        String pointer = pointer(itemPointer, column.path());
                        Location location = location(table, r, data + c, column);
                        locations.put(pointer, location);
                        JsonNode value = value(sheet.cell(r, data + c), column, pointer, location);
                        if (value != null) {
                            put(object, column.path(), value);
                        }
                    }
                    item = object;
                    if (hasKey) {
                        Cell keyCell = sheet.cell(r, lead - 1);
                        Integer number = keyCell == null || keyCell.blank()
                                ? Integer.valueOf(position)
                                : key(sheet, r, lead - 1, table, SheetLayout.KEY_HEADER);
                        if (number != null && rowsByNumber.putIfAbsent(number, object) != null) {
                            errors.add(new InputError(
                                    itemPointer,
                                    new Location(
                                                            table.sheetName(),
                                                            r + 1,
                                                            CellReference.convertNumToColString(lead - 1),
                                                            SheetLayout.KEY_HEADER)
                                                    .describe()
                                            + ": N.º " + number + " is used by another row of this sheet"));
                        } else if (number != null) {
                            pointersByNumber.put(number, itemPointer);
                        }
                    }
                }
                ((ArrayNode) list(owner, table.path())).add(item);
            }
        }
    }

    /** One entry of a map sheet: the key in its column, the value beside it, put into the parent row's object. */
    private void mapEntry(Grid sheet, int r, int t, int lead, ObjectNode owner, String mapPointer) {
        Table table = layout.tables().get(t);
        Cell keyCell = sheet.cell(r, lead);
        String key = keyCell == null || keyCell.blank() ? "" : keyCell.shown().strip();
        Location keyLocation = new Location(
                table.sheetName(), r + 1, CellReference.convertNumToColString(lead), SheetLayout.KEY_COLUMN);
        if (key.isEmpty()) {
            errors.add(new InputError(mapPointer, keyLocation.describe() + ": expected a key but the cell is empty"));
            return;
        }
        String pointer = mapPointer + "/" + key.replace("~", "~0").replace("/", "~1");
        Column column = table.columns().get(0);
        Location location = location(table, r, lead + 1, column);
        locations.put(pointer, location);
        locations.putIfAbsent(mapPointer, location);
        JsonNode value = value(sheet.cell(r, lead + 1), column, pointer, location);
        ObjectNode map = owner;
        for (String name : table.path()) {
            map = child(map, name);
        }
        if (map.has(key)) {
            errors.add(new InputError(
                    pointer,
                    keyLocation.describe() + ": the key \"" + CellValues.shown(key)
                            + "\" is used by another row of the same parent"));
        } else if (value != null) {
            map.set(key, value);
        }
    }

    private boolean headersMatch(Grid sheet, Table table, List<String> headers) {
        for (int c = 0; c < headers.size(); c++) {
            Cell header = sheet.cell(0, c);
            String found = header == null ? "" : header.shown().strip();
            if (!found.equals(headers.get(c))) {
                errors.add(new InputError(
                        pointer("", table.path()),
                        new Location(table.sheetName(), 1, CellReference.convertNumToColString(c), headers.get(c))
                                        .describe()
                                + ": expected the header \"" + headers.get(c) + "\" but found \"" + found
                                + "\"; download the template of this document type again"));
                return false;
            }
        }
        return true;
    }

    private Location location(Table table, int r, int c, Column column) {
        return new Location(table.sheetName(), r + 1, CellReference.convertNumToColString(c), column.header());
    }

    /** The words of the JSON path's limit (StrictJson), so that both paths answer alike: sello.limits.max-items. */
    private String tooMany() {
        return "a document may have at most " + maxItems
                + " list items (activities, budget lines, rows, cells and the like, all lists together); split it into several documents";
    }

    /** The pointer of the top-level list a sheet's rows belong to: where an error of a row that has no place yet is reported. */
    private String topList(int index) {
        int top = index;
        while (layout.tables().get(top).parent() >= 0) {
            top = layout.tables().get(top).parent();
        }
        return pointer("", layout.tables().get(top).path());
    }

    private Integer key(Grid sheet, int r, int c, Table table, String header) {
        Cell cell = sheet.cell(r, c);
        Location location = new Location(table.sheetName(), r + 1, CellReference.convertNumToColString(c), header);
        String raw = cell == null
                ? ""
                : cell.type() == CellType.NUMERIC ? cell.raw() : cell.shown().strip();
        if (!CellValues.WHOLE.matcher(raw).matches() && !(raw.matches("\\d+\\.0*"))) {
            errors.add(new InputError(
                    topList(layout.tables().indexOf(table)),
                    location.describe() + ": expected a row number, 1 or more, but got \"" + raw + "\""));
            return null;
        }
        BigDecimal number = new BigDecimal(raw);
        if (number.signum() < 1 || number.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            errors.add(new InputError(
                    topList(layout.tables().indexOf(table)),
                    location.describe() + ": expected a row number, 1 or more, but got \"" + raw + "\""));
            return null;
        }
        return number.intValueExact();
    }

    /**
     * The JSON value of one cell, {@code null} when it is empty or wrong (then an error is recorded). What the cell's own
     * type decides (a number's stored digits, a date serial, a boolean) is read here; text goes through {@link CellValues},
     * which the fillable-PDF reader shares.
     */
    private JsonNode value(Cell cell, Column column, String pointer, Location location) {
        if (cell == null || cell.blank()) {
            return null;
        }
        CellType type = cell.type();
        if (type == CellType.ERROR) {
            return wrong(pointer, location, "the formula's saved result is an error (" + cell.error() + ")");
        }
        String number = type == CellType.NUMERIC ? cell.raw() : null;
        String text = type == CellType.STRING ? cell.text() : null;
        CellValues.Converted converted = switch (column.kind()) {
            case TEXT ->
                CellValues.Converted.of(NODES.stringNode(
                        number != null
                                ? new BigDecimal(number).toPlainString()
                                : text != null ? text : String.valueOf(cell.bool())));
            case INTEGER ->
                number != null && new BigDecimal(number).stripTrailingZeros().scale() <= 0
                        ? CellValues.Converted.of(NODES.numberNode(new BigDecimal(number).toBigIntegerExact()))
                        : CellValues.integer(number != null ? number : text != null ? text.strip() : "");
            case DECIMAL -> CellValues.decimal(number != null ? number : text != null ? text.strip() : null, column);
            case DATE -> number != null ? dateSerial(number) : CellValues.date(text == null ? "" : text.strip());
            case CHOICE ->
                CellValues.choice(
                        number != null ? new BigDecimal(number).toPlainString() : text != null ? text.strip() : "",
                        column);
            case YES_NO ->
                type == CellType.BOOLEAN
                        ? CellValues.Converted.of(NODES.booleanNode(cell.bool()))
                        : CellValues.yesNo(text == null ? cell.shown() : text.strip());
        };
        return converted.problem() == null ? converted.value() : wrong(pointer, location, converted.problem());
    }

    private static CellValues.Converted dateSerial(String number) {
        double serial = Double.parseDouble(number); // a day count, not an amount: a double is how the file stores it
        if (DateUtil.isValidExcelDate(serial) && serial == Math.floor(serial)) {
            return CellValues.Converted.of(NODES.stringNode(
                    DateUtil.getLocalDateTime(serial).toLocalDate().toString()));
        }
        return CellValues.Converted.wrong("expected a date dd/mm/yyyy but got \"" + number + "\"");
    }

    private JsonNode wrong(String pointer, Location location, String message) {
        errors.add(new InputError(pointer, location.describe() + ": " + message));
        return null;
    }

    private static boolean blank(Grid sheet, int r, int width) {
        for (int c = 0; c < width; c++) {
            Cell cell = sheet.cell(r, c);
            if (cell != null && !cell.blank()) {
                return false;
            }
        }
        return true;
    }

    static void put(ObjectNode object, List<String> path, JsonNode value) {
        ObjectNode current = object;
        for (int i = 0; i < path.size() - 1; i++) {
            current = child(current, path.get(i));
        }
        current.set(path.get(path.size() - 1), value);
    }

    static JsonNode list(ObjectNode owner, List<String> path) {
        ObjectNode current = owner;
        for (int i = 0; i < path.size() - 1; i++) {
            current = child(current, path.get(i));
        }
        JsonNode list = current.get(path.get(path.size() - 1));
        if (!(list instanceof ArrayNode)) {
            list = NODES.arrayNode();
            current.set(path.get(path.size() - 1), list);
        }
        return list;
    }

    static ObjectNode child(ObjectNode parent, String name) {
        if (parent.get(name) instanceof ObjectNode existing) {
            return existing;
        }
        ObjectNode created = NODES.objectNode();
        parent.set(name, created);
        return created;
    }

    static String pointer(String base, List<String> path) {
        StringBuilder pointer = new StringBuilder(base);
        for (String name : path) {
            pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
