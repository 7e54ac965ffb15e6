package io.sello.spreadsheet;

import io.sello.document.DocumentTooLargeException;
import io.sello.spreadsheet.SheetLayout.Column;
import io.sello.spreadsheet.SheetLayout.Kind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One sheet of a type's template saved as CSV, the way spreadsheet programs save it, recognised by its header row.
 *
 * <p>What the programs do differently is settled from the file itself:
 * <ul>
 *   <li><b>Encoding:</b> UTF-8 (with or without a byte-order mark); a file that is not valid UTF-8 is Windows-1252,
 *       which Excel in Spanish writes for "CSV (delimitado por comas)" — read as UTF-8 its accents would be lost.</li>
 *   <li><b>Delimiter:</b> the one of {@code ;}, {@code ,} and tab that splits the header row into a list's headers.</li>
 *   <li><b>Amounts:</b> with {@code ;} (Excel and LibreOffice in a Spanish locale) the decimal mark is the comma and the
 *       point groups thousands, {@code 1.237.022,00}; otherwise the point is the decimal mark and the comma groups,
 *       {@code 1,237,022.00}. A figure with both marks says itself which is which (LibreOffice in an English locale
 *       writes {@code 1,237,022.00} with {@code ;}). A grouped figure is taken only where its groups are all three
 *       digits, so that nothing ambiguous is guessed: anything else is left as it is, for the cell check to refuse
 *       with its location.</li>
 * </ul>
 */
final class CsvFile {
    private static final char[] DELIMITERS = {';', ',', '\t'};
    /** Grouped with commas and a decimal point, 1,237,022.00: English, whatever the delimiter. */
    private static final Pattern GROUPED_POINT = Pattern.compile("-?\\d{1,3}(,\\d{3})+\\.\\d+");
    /** Grouped with points and a decimal comma, 1.237.022,00: Spanish, whatever the delimiter. */
    private static final Pattern GROUPED_COMMA = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+,\\d+");

    private static final Pattern COMMA_DECIMAL = Pattern.compile("-?\\d{1,3}(\\.\\d{3})*(,\\d+)?|-?\\d+(,\\d+)?");
    private static final Pattern POINT_DECIMAL = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /** The list the file fills (its index in the layout's tables) and its rows, the header row first. */
    record Sheet(int table, Grid grid) {}

    private CsvFile() {}

    /**
     * @param tables the layout's lists a CSV may fill: those at the top of the document
     * @return empty when the header row is no list's header row
     * @throws DocumentTooLargeException more rows than {@code maxItems}
     */
    static Optional<Sheet> read(SheetLayout layout, List<Integer> tables, byte[] body, int maxItems) {
        String text = decode(body);
        String headerLine = text.lines().findFirst().orElse("");
        for (char delimiter : DELIMITERS) {
            List<String> header = split(headerLine, delimiter);
            for (int t : tables) {
                if (header.equals(TemplateWriter.headers(layout, t))) {
                    return Optional.of(new Sheet(t, Grid.of(rows(layout, t, text, delimiter, maxItems))));
                }
            }
        }
        return Optional.empty();
    }

    private static List<List<String>> rows(SheetLayout layout, int t, String text, char delimiter, int maxItems) {
        int data = layout.dataStart(t);
        List<Column> columns = layout.tables().get(t).columns();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = format(delimiter).parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                if (rows.size() > maxItems) {
                    // the limit is checked as rows arrive: a file of a million rows is not kept before it is refused
                    throw new DocumentTooLargeException(
                            WorkbookReader.pointer("", layout.tables().get(t).path()),
                            "a document may have at most " + maxItems + " list items (activities, budget lines, rows,"
                                    + " cells and the like, all lists together); split it into several documents");
                }
                List<String> fields = new ArrayList<>(record.toList());
                if (!rows.isEmpty()) {
                    for (int c = 0; c < columns.size() && data + c < fields.size(); c++) {
                        if (columns.get(c).kind() == Kind.DECIMAL) {
                            fields.set(data + c, amount(fields.get(data + c).strip(), delimiter == ';'));
                        }
                    }
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw SpreadsheetRefusedException.unreadable(
                    "the CSV file could not be read (an unclosed quote?); save the sheet as CSV again");
        }
        return rows;
    }

    /** An amount as the cell check reads it, 1237022.00, when the file writes it in its delimiter's convention. */
    static String amount(String field, boolean commaDecimal) {
        // both marks present: the last one is the decimal mark, whichever program or locale wrote the file
        if (GROUPED_POINT.matcher(field).matches()) {
            return field.replace(",", "");
        }
        if (GROUPED_COMMA.matcher(field).matches()) {
            return field.replace(".", "").replace(',', '.');
        }
        if (commaDecimal) {
            return COMMA_DECIMAL.matcher(field).matches()
                    ? field.replace(".", "").replace(',', '.')
                    : field;
        }
        return POINT_DECIMAL.matcher(field).matches() ? field.replace(",", "") : field;
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
    }

    private static List<String> split(String line, char delimiter) {
        try (CSVParser parser = format(delimiter).parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty()
                    ? List.of()
                    : records.get(0).toList().stream().map(String::strip).toList();
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static String decode(byte[] body) {
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        ByteBuffer bytes = ByteBuffer.wrap(body, start, body.length - start);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(body, start, body.length - start, Charset.forName("windows-1252"));
        }
    }
}
