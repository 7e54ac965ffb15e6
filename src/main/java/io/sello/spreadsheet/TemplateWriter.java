package io.sello.spreadsheet;

import io.sello.spreadsheet.SheetLayout.Column;
import io.sello.spreadsheet.SheetLayout.Kind;
import io.sello.spreadsheet.SheetLayout.Table;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the workbook of a {@link SheetLayout}: the empty sheets to fill, each header with a note (the schema's
 * description) and each column with the data validation its kind allows, then an <em>Ejemplo</em> sheet with the
 * type's example laid out the same way, one block per sheet, so a person sees a filled one. The reader ignores it.
 */
final class TemplateWriter {
    /** Rows of each list sheet that carry the validations: far more than any paper form has. */
    static final int VALIDATED_ROWS = 5000;

    static final String YES = "SÍ";
    static final String NO = "NO";

    private final SheetLayout layout;
    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle section;
    private final CellStyle text;
    private final CellStyle date;
    private final CellStyle integer;

    private TemplateWriter(SheetLayout layout) {
        this.layout = layout;
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        section = workbook.createCellStyle();
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 13);
        section.setFont(large);
        text = style("@");
        date = style("dd/mm/yyyy");
        integer = style("0");
    }

    /** The template of a type: its empty sheets, then the example. */
    static byte[] template(SheetLayout layout, JsonNode example) {
        TemplateWriter writer = new TemplateWriter(layout);
        writer.generalSheet();
        for (int i = 0; i < layout.tables().size(); i++) {
            writer.tableSheet(i);
        }
        if (example != null) {
            writer.exampleSheet(example);
        }
        return writer.bytes();
    }

    /**
     * The sheets filled with {@code document}, as a person would fill them: what the reader must turn back into the
     * same JSON (tests use it for every example).
     */
    static byte[] filled(SheetLayout layout, JsonNode document) {
        TemplateWriter writer = new TemplateWriter(layout);
        Sheet general = writer.generalSheet();
        for (int r = 0; r < layout.general().size(); r++) {
            Column column = layout.general().get(r);
            writer.value(general.getRow(r + 1).createCell(1), column, at(document, column.path()));
        }
        List<List<Entry>> entries = entries(layout, document);
        for (int i = 0; i < layout.tables().size(); i++) {
            Sheet sheet = writer.tableSheet(i);
            writer.rows(sheet, i, entries.get(i), 1);
        }
        return writer.bytes();
    }

    private Sheet generalSheet() {
        Sheet sheet = workbook.createSheet(SheetLayout.GENERAL_SHEET);
        Row top = sheet.createRow(0);
        cell(top, 0, "Campo", header);
        cell(top, 1, "Valor", header);
        sheet.setColumnWidth(0, 60 * 256);
        sheet.setColumnWidth(1, 50 * 256);
        sheet.createFreezePane(0, 1);
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        for (int r = 0; r < layout.general().size(); r++) {
            Column column = layout.general().get(r);
            Row row = sheet.createRow(r + 1);
            cell(row, 0, column.header(), header);
            note(drawing, row.getCell(0), column);
            row.createCell(1).setCellStyle(style(column));
            validate(sheet, column, r + 1, r + 1, 1);
        }
        if (!layout.omitted().isEmpty()) {
            Row row = sheet.createRow(layout.general().size() + 2);
            cell(row, 0, "La planilla no recoge estos datos; complételos en el formulario de la página:", section);
            cell(row, 1, String.join(", ", layout.omitted()), null);
        }
        return sheet;
    }

    private Sheet tableSheet(int index) {
        Table table = layout.tables().get(index);
        Sheet sheet = workbook.createSheet(table.sheetName());
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        Row top = sheet.createRow(0);
        List<String> headers = headers(layout, index);
        int lead = layout.leadingColumns(index);
        int data = layout.dataStart(index);
        for (int c = 0; c < headers.size(); c++) {
            cell(top, c, headers.get(c), header);
            sheet.setColumnWidth(c, Math.min(60, Math.max(12, headers.get(c).length() + 4)) * 256);
            if (c < lead) {
                sheet.setDefaultColumnStyle(c, integer);
                keyNote(drawing, top.getCell(c), index, c);
                validateKey(sheet, c);
            } else if (c < data) {
                sheet.setDefaultColumnStyle(c, text);
                comment(drawing, top.getCell(c), "La clave de cada cifra (una fila por clave). " + table.description());
            } else {
                Column column = table.columns().get(c - data);
                note(drawing, top.getCell(c), column);
                sheet.setDefaultColumnStyle(c, style(column));
                validate(sheet, column, 1, VALIDATED_ROWS, c);
            }
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** The headers of table {@code index}, key columns first: what the reader expects in row 1. */
    static List<String> headers(SheetLayout layout, int index) {
        List<String> headers = new ArrayList<>();
        if (layout.tables().get(index).parent() >= 0) {
            headers.add(layout.parentKeyHeader(index));
        }
        if (layout.keyed(index)) {
            headers.add(SheetLayout.KEY_HEADER);
        }
        if (layout.tables().get(index).map()) {
            headers.add(SheetLayout.KEY_COLUMN);
        }
        layout.tables().get(index).columns().forEach(c -> headers.add(c.header()));
        return headers;
    }

    private void exampleSheet(JsonNode example) {
        Sheet sheet = workbook.createSheet(SheetLayout.EXAMPLE_SHEET);
        sheet.setColumnWidth(0, 40 * 256);
        int r = 0;
        cell(
                sheet.createRow(r++),
                0,
                "Ejemplo lleno: las hojas de la planilla con los datos del ejemplo del tipo de documento."
                        + " Esta hoja no se lee al subir la planilla.",
                null);
        r++;
        cell(sheet.createRow(r++), 0, SheetLayout.GENERAL_SHEET, section);
        for (Column column : layout.general()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, column.header(), header);
            value(row.createCell(1), column, at(example, column.path()));
        }
        List<List<Entry>> entries = entries(layout, example);
        for (int i = 0; i < layout.tables().size(); i++) {
            r++;
            cell(sheet.createRow(r++), 0, "Hoja " + layout.tables().get(i).sheetName(), section);
            Row top = sheet.createRow(r++);
            List<String> headers = headers(layout, i);
            for (int c = 0; c < headers.size(); c++) {
                cell(top, c, headers.get(c), header);
            }
            r = rows(sheet, i, entries.get(i), r);
        }
    }

    /** Writes the rows of table {@code index} from row {@code first}; returns the next free row. */
    private int rows(Sheet sheet, int index, List<Entry> entries, int first) {
        Table table = layout.tables().get(index);
        boolean child = table.parent() >= 0;
        boolean keyed = layout.keyed(index);
        int r = first;
        for (Entry entry : entries) {
            Row row = sheet.createRow(r++);
            int c = 0;
            if (child) {
                row.createCell(c++).setCellValue(entry.parentNumber());
            }
            if (keyed) {
                row.createCell(c++).setCellValue(entry.number());
            }
            if (table.map()) {
                cell(row, c++, entry.key(), text);
            }
            for (Column column : table.columns()) {
                value(row.createCell(c++), column, at(entry.item(), column.path()));
            }
        }
        return r;
    }

    /** One item of a list with its number in its sheet and the number of its parent row (0 at the top level). */
    record Entry(JsonNode item, int number, int parentNumber, String key) {
        Entry(JsonNode item, int number, int parentNumber) {
            this(item, number, parentNumber, null);
        }
    }

    /** The items of every table of {@code document}, in sheet order, numbered as the N.º columns number them. */
    static List<List<Entry>> entries(SheetLayout layout, JsonNode document) {
        List<List<Entry>> all = new ArrayList<>();
        for (Table table : layout.tables()) {
            List<Entry> parents = table.parent() < 0 ? List.of(new Entry(document, 0, 0)) : all.get(table.parent());
            List<Entry> mine = new ArrayList<>();
            for (Entry parent : parents) {
                JsonNode list = at(parent.item(), table.path());
                if (table.map() && list != null && list.isObject()) {
                    for (String key : list.propertyNames()) {
                        mine.add(new Entry(list.get(key), mine.size() + 1, parent.number(), key));
                    }
                } else if (list != null && list.isArray()) {
                    for (JsonNode item : list) {
                        mine.add(new Entry(item, mine.size() + 1, parent.number()));
                    }
                }
            }
            all.add(mine);
        }
        return all;
    }

    static JsonNode at(JsonNode node, List<String> path) {
        JsonNode current = node;
        for (String name : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(name);
        }
        return current == null || current.isNull() || current.isMissingNode() ? null : current;
    }

    private void value(Cell cell, Column column, JsonNode value) {
        cell.setCellStyle(style(column));
        if (value == null || value.isContainer()) {
            return;
        }
        String raw = value.isString() ? value.stringValue() : value.toString();
        switch (column.kind()) {
            case DATE -> {
                try {
                    cell.setCellValue(LocalDate.parse(raw));
                } catch (DateTimeParseException e) {
                    cell.setCellValue(raw);
                }
            }
            case INTEGER, DECIMAL -> {
                if (value.isString() && column.words().contains(raw)) {
                    cell.setCellValue(raw);
                    return;
                }
                BigDecimal number;
                try {
                    number = new BigDecimal(raw);
                } catch (NumberFormatException e) {
                    cell.setCellValue(raw);
                    return;
                }
                cell.setCellValue(number.doubleValue());
                // The file keeps the amount's exact decimal text, not the double's: the reader reads this text back.
                ((XSSFCell) cell).getCTCell().setV(number.toPlainString());
            }
            case YES_NO -> cell.setCellValue(value.asBoolean() ? YES : NO);
            case CHOICE -> {
                if (value.isNumber()) {
                    cell.setCellValue(value.doubleValue());
                    ((XSSFCell) cell).getCTCell().setV(value.decimalValue().toPlainString());
                } else {
                    cell.setCellValue(raw);
                }
            }
            case TEXT -> cell.setCellValue(raw);
        }
    }

    private void note(Drawing<?> drawing, Cell cell, Column column) {
        String text = column.description();
        if (column.kind() == Kind.CHOICE) {
            text += (text.isEmpty() ? "" : " ") + "Valores: "
                    + column.choices().stream()
                            .map(c -> c.isString() ? c.stringValue() : c.toString())
                            .collect(Collectors.joining(", "))
                    + ".";
        } else if (column.kind() == Kind.DATE && !text.contains("dd/mm/aaaa")) {
            text += (text.isEmpty() ? "" : " ") + "Fecha dd/mm/aaaa.";
        } else if (column.kind() == Kind.DECIMAL
                && !column.words().isEmpty()
                && !text.contains(column.words().get(0))) {
            text += (text.isEmpty() ? "" : " ") + "También: " + String.join(", ", column.words()) + ".";
        } else if (column.kind() == Kind.DECIMAL && column.places() != null && text.isEmpty()) {
            text = "Número con hasta " + column.places() + " decimales.";
        }
        if (text.isEmpty()) {
            text = switch (column.kind()) {
                case INTEGER -> "Número entero.";
                case DECIMAL -> "Número, con punto decimal.";
                case YES_NO -> "SÍ o NO.";
                default -> "Texto.";
            };
        }
        comment(drawing, cell, text);
    }

    private void keyNote(Drawing<?> drawing, Cell cell, int index, int c) {
        Table table = layout.tables().get(index);
        boolean parentKey = c == 0 && table.parent() >= 0;
        comment(
                drawing,
                cell,
                parentKey
                        ? "El N.º de la fila de la hoja "
                                + layout.tables().get(table.parent()).sheetName() + " a la que pertenece esta fila."
                        : "Número de esta fila, al que se refieren las filas de otras hojas; vacío: su posición entre las filas llenas.");
    }

    private void comment(Drawing<?> drawing, Cell cell, String text) {
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 5);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 6);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(new XSSFRichTextString(text));
        comment.setAuthor("Sello");
        cell.setCellComment(comment);
    }

    private void validate(Sheet sheet, Column column, int firstRow, int lastRow, int col) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint;
        String message;
        switch (column.kind()) {
            case CHOICE -> {
                constraint = helper.createExplicitListConstraint(column.choices().stream()
                        .map(c -> c.isString() ? c.stringValue() : c.toString())
                        .toArray(String[]::new));
                message = "Elija uno de los valores de la lista.";
            }
            case YES_NO -> {
                constraint = helper.createExplicitListConstraint(new String[] {YES, NO});
                message = "Elija SÍ o NO.";
            }
            case DATE -> {
                constraint =
                        helper.createDateConstraint(OperatorType.BETWEEN, "=DATE(1900,1,1)", "=DATE(2999,12,31)", null);
                message = "Escriba una fecha dd/mm/aaaa.";
            }
            case INTEGER -> {
                constraint = helper.createIntegerConstraint(
                        OperatorType.BETWEEN,
                        bound(column.minimum(), "-999999999999"),
                        bound(column.maximum(), "999999999999"));
                message = "Escriba un número entero" + range(column) + ".";
            }
            case DECIMAL -> {
                if (!column.words().isEmpty()) {
                    return; // "-" or "n.a." are allowed too: a decimal validation would refuse them
                }
                constraint = helper.createDecimalConstraint(
                        OperatorType.BETWEEN,
                        bound(column.minimum(), "-999999999999999"),
                        bound(column.maximum(), "999999999999999"));
                message = "Escriba un número"
                        + (column.places() == null ? "" : " con hasta " + column.places() + " decimales")
                        + range(column) + ".";
            }
            default -> {
                return;
            }
        }
        DataValidation validation =
                helper.createValidation(constraint, new CellRangeAddressList(firstRow, lastRow, col, col));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox("Valor no válido", message);
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }

    private void validateKey(Sheet sheet, int col) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createIntegerConstraint(OperatorType.BETWEEN, "1", "1000000"),
                new CellRangeAddressList(1, VALIDATED_ROWS, col, col));
        validation.setShowErrorBox(true);
        validation.createErrorBox("Valor no válido", "Escriba un número de fila, 1 o más.");
        sheet.addValidationData(validation);
    }

    private static String range(Column column) {
        if (column.minimum() != null && column.maximum() != null) {
            return " de " + column.minimum().toPlainString() + " a "
                    + column.maximum().toPlainString();
        }
        return column.minimum() != null && column.minimum().signum() == 0 ? ", no negativo" : "";
    }

    private static String bound(BigDecimal bound, String fallback) {
        return bound == null ? fallback : bound.toPlainString();
    }

    private CellStyle style(Column column) {
        return switch (column.kind()) {
            case DATE -> date;
            case INTEGER -> integer;
            case DECIMAL ->
                column.places() == null
                        ? style("0.##########")
                        : style(column.places() == 0 ? "#,##0" : "#,##0." + "0".repeat(column.places()));
            default -> text;
        };
    }

    private final Map<String, CellStyle> styles = new HashMap<>();

    private CellStyle style(String format) {
        return styles.computeIfAbsent(format, f -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(f));
            return style;
        });
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private byte[] bytes() {
        try (workbook;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
