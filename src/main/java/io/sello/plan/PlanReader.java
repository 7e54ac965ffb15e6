package io.sello.plan;

import io.sello.budget.BudgetTable;
import io.sello.budget.EmbeddedBudgetTable;
import io.sello.budget.PrintedFigures;
import io.sello.document.InputFindings;
import io.sello.input.JsonElement;
import io.sello.input.JsonObject;
import io.sello.input.StrictJson;
import io.sello.plan.PlanModel.Abbreviation;
import io.sello.plan.PlanModel.Align;
import io.sello.plan.PlanModel.Block;
import io.sello.plan.PlanModel.Cell;
import io.sello.plan.PlanModel.Column;
import io.sello.plan.PlanModel.Cover;
import io.sello.plan.PlanModel.OperationalPlan;
import io.sello.plan.PlanModel.Section;
import io.sello.plan.PlanModel.Table;
import io.sello.text.Paragraph;
import io.sello.text.ParagraphReader;
import io.sello.text.Run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static io.sello.input.JsonObject.Presence.OPTIONAL;
import static io.sello.input.JsonObject.Presence.REQUIRED;

/** Reads an {@code operational-plan} request, collecting every error and warning. */
final class PlanReader {
    private static final ParagraphReader PARAGRAPHS = new ParagraphReader(EnumSet.allOf(Run.Kind.class));
    private static final int MAX_COLUMNS = 30;
    private static final Pattern ALIGN = Pattern.compile("left|center|right");

    /** The fields of a plan, as a request of its own or as an amendment's annex. */
    static final String[] FIELDS = {"$schema", "cover", "abbreviations", "sections"};

    /** The plan, or {@code null} when {@code findings} holds errors. */
    OperationalPlan read(byte[] json, InputFindings findings) {
        String[] fields = Arrays.copyOf(FIELDS, FIELDS.length + 1);
        fields[FIELDS.length] = PrintedFigures.FIELD;
        JsonObject root = JsonObject.root(StrictJson.parse(json), findings, fields);
        return root == null ? null : read(root, PrintedFigures.read(root));
    }

    /**
     * A plan held in a larger request (an amendment's annex); errors carry pointers below it.
     *
     * @param figures the request's {@code "figures"}, a field of the whole request; {@code null} when it was refused
     */
    OperationalPlan read(JsonObject root, PrintedFigures figures) {
        if (root == null) {
            return null;
        }
        InputFindings findings = root.findings();
        JsonObject c = root.object("cover", REQUIRED, "program", "title", "period", "placeAndDate");
        Cover cover = null;
        if (c != null) {
            String program = c.text("program", REQUIRED);
            String title = c.text("title", OPTIONAL);
            String period = c.text("period", REQUIRED);
            String placeAndDate = c.text("placeAndDate", REQUIRED);
            if (program != null && period != null && placeAndDate != null) {
                cover = new Cover(program, title, period, placeAndDate);
            }
        }
        List<Abbreviation> abbreviations = new ArrayList<>();
        for (JsonObject a : root.objects("abbreviations", OPTIONAL, "abbreviation", "meaning")) {
            String abbreviation = a == null ? null : a.text("abbreviation", REQUIRED);
            String meaning = a == null ? null : a.text("meaning", REQUIRED);
            if (abbreviation != null && meaning != null) {
                abbreviations.add(new Abbreviation(abbreviation, meaning));
            }
        }
        List<Section> sections = sections(root, 1);
        if (root.isEmptyArray("sections")) {
            findings.error(root.pointer("sections"), "expected at least one section");
        }
        if (findings.hasErrors() || figures == null) {
            return null;
        }
        OperationalPlan plan = new OperationalPlan(cover, abbreviations, sections, figures);
        Map<String, String> ids = new HashMap<>();
        plan.budgetTables().forEach((pointer, table) -> {
            String first = ids.putIfAbsent(table.id(), pointer);
            if (first != null) {
                findings.error(pointer + "/id", "budget table id \"" + table.id() + "\" is already used at " + first);
            }
        });
        return findings.hasErrors() ? null : plan;
    }

    private static List<Section> sections(JsonObject owner, int depth) {
        List<Section> sections = new ArrayList<>();
        List<JsonObject> items =
                owner.objects("sections", depth == 1 ? REQUIRED : OPTIONAL, "title", "blocks", "sections");
        if (!items.isEmpty() && depth > PlanModel.MAX_DEPTH) {
            owner.findings()
                    .error(
                            owner.pointer("sections"),
                            "expected at most " + PlanModel.MAX_DEPTH + " levels of sections");
            return sections;
        }
        for (JsonObject o : items) {
            if (o == null) {
                continue;
            }
            String title = o.text("title", REQUIRED);
            List<Block> blocks = blocks(o);
            List<Section> children = sections(o, depth + 1);
            if (title != null) {
                sections.add(new Section(title, blocks, children));
            }
        }
        return sections;
    }

    private static List<Block> blocks(JsonObject section) {
        List<Block> blocks = new ArrayList<>();
        for (JsonObject b : section.objects("blocks", OPTIONAL, "paragraph", "heading", "list", "table", "budget")) {
            if (b == null) {
                continue;
            }
            int kinds = (b.has("paragraph") ? 1 : 0)
                    + (b.has("heading") ? 1 : 0)
                    + (b.has("list") ? 1 : 0)
                    + (b.has("table") ? 1 : 0)
                    + (b.has("budget") ? 1 : 0);
            if (kinds != 1) {
                b.findings()
                        .error(
                                b.pointer(),
                                "expected exactly one of \"paragraph\", \"heading\", \"list\", \"table\", \"budget\"");
                continue;
            }
            if (b.has("budget")) {
                BudgetTable budget = EmbeddedBudgetTable.read(b.object("budget", REQUIRED, EmbeddedBudgetTable.FIELDS));
                if (budget != null) {
                    blocks.add(new PlanModel.BudgetBlock(budget, b.pointer("budget")));
                }
                continue;
            }
            if (b.has("paragraph")) {
                Paragraph paragraph = PARAGRAPHS.paragraph(b, "paragraph");
                if (paragraph != null) {
                    blocks.add(new PlanModel.ParagraphBlock(paragraph));
                }
            } else if (b.has("heading")) {
                String heading = b.text("heading", REQUIRED);
                if (heading != null) {
                    blocks.add(new PlanModel.HeadingBlock(heading));
                }
            } else if (b.has("list")) {
                List<Paragraph> items = PARAGRAPHS.paragraphs(b, "list", REQUIRED);
                if (!items.isEmpty()) {
                    blocks.add(new PlanModel.ListBlock(items));
                }
            } else {
                Table table = table(b.object("table", REQUIRED, "caption", "columns", "header", "body", "notes"));
                if (table != null) {
                    blocks.add(new PlanModel.TableBlock(table));
                }
            }
        }
        return blocks;
    }

    private static Table table(JsonObject t) {
        if (t == null) {
            return null;
        }
        String caption = t.text("caption", OPTIONAL);
        List<Column> columns = new ArrayList<>();
        for (JsonObject c : t.objects("columns", REQUIRED, "width", "align")) {
            if (c == null) {
                continue;
            }
            BigDecimal width = c.percent("width", REQUIRED);
            Align align = align(c);
            if (width != null && width.signum() > 0) {
                columns.add(new Column(width.doubleValue(), align == null ? Align.LEFT : align));
            } else if (width != null) {
                c.findings().error(c.pointer("width"), "expected a positive relative width");
            }
        }
        if (t.arrayLength("columns") == 0 || t.arrayLength("columns") > MAX_COLUMNS) {
            t.findings().error(t.pointer("columns"), "expected 1 to " + MAX_COLUMNS + " columns");
        }
        List<List<Cell>> header = rows(t, "header", OPTIONAL, columns.size());
        List<List<Cell>> body = rows(t, "body", REQUIRED, columns.size());
        List<Paragraph> notes = PARAGRAPHS.paragraphs(t, "notes", OPTIONAL);
        return new Table(caption, columns, header, body, notes);
    }

    private static Align align(JsonObject o) {
        String align = o.matching("align", OPTIONAL, ALIGN, "\"left\", \"center\" or \"right\"");
        return align == null ? null : Align.valueOf(align.toUpperCase(Locale.ROOT));
    }

    /**
     * Rows of cells. Each row must fill the table's columns once the cells spanning down from the rows
     * above are counted, so a misplaced rowspan is caught here rather than printed as a ragged table.
     */
    private static List<List<Cell>> rows(
            JsonObject table, String field, JsonObject.Presence presence, int columnCount) {
        List<List<Cell>> rows = new ArrayList<>();
        int[] carried = new int[Math.max(columnCount, 1)];
        for (JsonElement rowElement : table.elements(field, presence)) {
            List<Cell> row = new ArrayList<>();
            for (JsonElement cellElement : rowElement.elements()) {
                Cell cell = cell(cellElement);
                if (cell != null) {
                    row.add(cell);
                }
            }
            int width = 0;
            for (int c = 0; c < carried.length; c++) {
                if (carried[c] > 0) {
                    width++;
                }
            }
            int column = 0;
            for (int i = 0; i < row.size(); i++) {
                Cell cell = row.get(i);
                while (column < carried.length && carried[column] > 0) {
                    column++;
                }
                row.set(i, cell.at(column));
                for (int k = 0; k < cell.colspan() && column < carried.length; k++, column++) {
                    carried[column] = cell.rowspan();
                }
                width += cell.colspan();
            }
            if (columnCount > 0 && width != columnCount) {
                rowElement.reject("expected cells covering " + columnCount
                        + " columns (counting cells spanning from rows above) but got " + width);
            }
            for (int c = 0; c < carried.length; c++) {
                if (carried[c] > 0) {
                    carried[c]--;
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static Cell cell(JsonElement element) {
        if (element.isString()) {
            String text = element.text();
            return text == null ? null : new Cell(text.strip(), 1, 1, null, false, false, 0);
        }
        JsonObject o = element.object("text", "colspan", "rowspan", "align", "bold", "italic", "underline");
        if (o == null) {
            return null;
        }
        JsonElement textElement = o.element("text", REQUIRED);
        String text = textElement == null ? null : textElement.text(); // a cell may be blank
        Integer colspan = o.has("colspan") ? o.integer("colspan", REQUIRED, 1, MAX_COLUMNS) : Integer.valueOf(1);
        Integer rowspan = o.has("rowspan") ? o.integer("rowspan", REQUIRED, 1, 500) : Integer.valueOf(1);
        Align align = align(o);
        boolean bold = o.flag("bold");
        boolean italic = o.flag("italic");
        o.flag("underline");
        if (text == null || colspan == null || rowspan == null) {
            return null;
        }
        return new Cell(text.strip(), colspan, rowspan, align, bold, italic, 0);
    }
}
