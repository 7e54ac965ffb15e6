package io.sello.spreadsheet;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.util.List;

/**
 * The cells of one sheet as {@link WorkbookReader} reads them, whatever file they came from: a sheet of an XLSX
 * workbook, or a CSV file (one sheet saved on its own). A CSV is read without building a workbook in memory, which
 * would cost about a kilobyte per cell.
 */
interface Grid {
    /** Index of the last row, 0-based (the header row is 0); -1 for none. */
    int lastRow();

    /** Rows that exist, the header included: what the item limit is checked against before any is read. */
    int rows();

    /** The cell at row {@code row}, column {@code column}, 0-based; {@code null} when there is none. */
    Cell cell(int row, int column);

    /**
     * One cell's content. A formula is already replaced by the result its spreadsheet program saved.
     *
     * @param type  what the cell holds: STRING, NUMERIC, BOOLEAN, ERROR or BLANK
     * @param raw   a number exactly as the file stores it (the XLSX {@code <v>} text), for NUMERIC
     * @param text  the text, for STRING
     * @param bool  the value, for BOOLEAN
     * @param error the spreadsheet's error text (#DIV/0!), for ERROR
     */
    record Cell(CellType type, String raw, String text, boolean bool, String error) {
        static Cell text(String text) {
            return new Cell(CellType.STRING, null, text, false, null);
        }

        boolean blank() {
            return type == CellType.BLANK || type == CellType.STRING && text.isBlank();
        }

        /** What the cell shows, as text: a number as stored, a yes/no as true/false. */
        String shown() {
            return switch (type) {
                case STRING -> text;
                case NUMERIC -> String.valueOf(raw);
                case BOOLEAN -> String.valueOf(bool);
                default -> "";
            };
        }
    }

    static Grid of(XSSFSheet sheet) {
        return new Grid() {
            @Override
            public int lastRow() {
                return sheet.getLastRowNum();
            }

            @Override
            public int rows() {
                return sheet.getPhysicalNumberOfRows();
            }

            @Override
            public Cell cell(int row, int column) {
                XSSFRow cells = sheet.getRow(row);
                XSSFCell cell = cells == null ? null : cells.getCell(column);
                if (cell == null) {
                    return null;
                }
                CellType type =
                        cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
                return switch (type) {
                    case NUMERIC ->
                        new Cell(
                                type,
                                cell.getRawValue() == null
                                        ? null
                                        : cell.getRawValue().strip(),
                                null,
                                false,
                                null);
                    case STRING -> Cell.text(cell.getStringCellValue());
                    case BOOLEAN -> new Cell(type, null, null, cell.getBooleanCellValue(), null);
                    case ERROR -> new Cell(type, null, null, false, cell.getErrorCellString());
                    default -> new Cell(CellType.BLANK, null, null, false, null);
                };
            }
        };
    }

    /** Rows of text fields, the first the header row: a CSV file as {@link CsvFile} parsed it. */
    static Grid of(List<List<String>> rows) {
        return new Grid() {
            @Override
            public int lastRow() {
                return rows.size() - 1;
            }

            @Override
            public int rows() {
                return rows.size();
            }

            @Override
            public Cell cell(int row, int column) {
                List<String> fields = row < rows.size() ? rows.get(row) : List.of();
                return column < fields.size() ? Cell.text(fields.get(column)) : null;
            }
        };
    }
}
