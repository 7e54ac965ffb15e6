package io.sello.plan;

import io.sello.budget.BudgetTable;
import io.sello.budget.EmbeddedBudgetTable;
import io.sello.budget.PrintedFigures;
import io.sello.document.InputFindings;
import io.sello.input.JsonPointers;
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
import io.sello.text.Paragraphs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An operational plan that the schema accepted, bound and checked for what the schema cannot say: sections nest at
 * most three levels (the seed's index: C. → C2. → iii)), the rows of a table cover its columns once the cells spanning
 * from the rows above are counted, a column's relative width has at most 2 decimals, a paragraph sent as one string
 * is not blank, each budget table follows the budget engine's rules and has an id of its own in the plan.
 */
final class PlanRules {
    /** Relative widths are written like percentages: at most 2 decimals, and never of 15 integer digits. */
    private static final int WIDTH_DECIMALS = 2;

    private static final int MAX_INTEGER_DIGITS = 15;

    private final String at;
    private final InputFindings findings;

    private PlanRules(String at, InputFindings findings) {
        this.at = at;
        this.findings = findings;
    }

    /**
     * The plan at {@code at} ("" for a request of its own, "/annex" in an amendment), or {@code null} when
     * {@code findings} holds errors.
     *
     * @param figures the request's {@code "figures"}, a field of the whole request
     */
    static OperationalPlan check(PlanRequest p, String at, PrintedFigures figures, InputFindings findings) {
        return new PlanRules(at, findings).plan(p, figures == null ? PrintedFigures.DECLARED_WITHIN_ROUNDING : figures);
    }

    private OperationalPlan plan(PlanRequest p, PrintedFigures figures) {
        int errorsBefore = findings.errors().size();
        Cover cover = new Cover(
                p.cover().program().strip(),
                stripped(p.cover().title()),
                p.cover().period().strip(),
                p.cover().placeAndDate().strip());
        List<Abbreviation> abbreviations = p.abbreviations().stream()
                .map(a -> new Abbreviation(a.abbreviation().strip(), a.meaning().strip()))
                .toList();
        List<Section> sections = sections(p.sections(), at, 1);
        if (findings.errors().size() > errorsBefore) {
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
        return findings.errors().size() > errorsBefore ? null : plan;
    }

    /** The sections of {@code owner} (its pointer), which sits at {@code depth} (the plan's own sections: 1). */
    private List<Section> sections(List<PlanRequest.Section> requested, String owner, int depth) {
        List<Section> sections = new ArrayList<>();
        String pointer = JsonPointers.child(owner, "sections");
        if (!requested.isEmpty() && depth > PlanModel.MAX_DEPTH) {
            findings.error(pointer, "expected at most " + PlanModel.MAX_DEPTH + " levels of sections");
            return sections;
        }
        for (int i = 0; i < requested.size(); i++) {
            PlanRequest.Section s = requested.get(i);
            String here = JsonPointers.child(pointer, i);
            List<Block> blocks = blocks(s.blocks(), JsonPointers.child(here, "blocks"));
            sections.add(new Section(s.title().strip(), blocks, sections(s.sections(), here, depth + 1)));
        }
        return sections;
    }

    private List<Block> blocks(List<PlanRequest.Block> requested, String pointer) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            PlanRequest.Block b = requested.get(i);
            String here = JsonPointers.child(pointer, i);
            if (b.budget() != null) {
                String table = JsonPointers.child(here, "budget");
                BudgetTable budget = EmbeddedBudgetTable.bind(b.budget(), table, findings);
                if (budget != null) {
                    blocks.add(new PlanModel.BudgetBlock(budget, table));
                }
            } else if (b.paragraph() != null) {
                Paragraph paragraph = Paragraphs.of(b.paragraph(), JsonPointers.child(here, "paragraph"), findings);
                if (paragraph != null) {
                    blocks.add(new PlanModel.ParagraphBlock(paragraph));
                }
            } else if (b.heading() != null) {
                blocks.add(new PlanModel.HeadingBlock(b.heading().strip()));
            } else if (b.list() != null) {
                List<Paragraph> items = Paragraphs.of(b.list(), JsonPointers.child(here, "list"), findings);
                if (items.size() == b.list().size()) {
                    blocks.add(new PlanModel.ListBlock(items));
                }
            } else {
                Table table = table(b.table(), JsonPointers.child(here, "table"));
                if (table != null) {
                    blocks.add(new PlanModel.TableBlock(table));
                }
            }
        }
        return blocks;
    }

    private Table table(PlanRequest.Table t, String pointer) {
        int errorsBefore = findings.errors().size();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            PlanRequest.Column c = t.columns().get(i);
            BigDecimal width =
                    width(c.width(), JsonPointers.child(JsonPointers.child(pointer, "columns"), i) + "/width");
            if (width != null) {
                columns.add(new Column(width.doubleValue(), align(c.align())));
            }
        }
        List<List<Cell>> header = rows(
                t.header(), JsonPointers.child(pointer, "header"), t.columns().size());
        List<List<Cell>> body =
                rows(t.body(), JsonPointers.child(pointer, "body"), t.columns().size());
        List<Paragraph> notes = Paragraphs.of(t.notes(), JsonPointers.child(pointer, "notes"), findings);
        if (findings.errors().size() > errorsBefore) {
            return null;
        }
        return new Table(stripped(t.caption()), columns, header, body, notes);
    }

    /** The schema gives a positive number; written like a percentage, at most 2 decimals. */
    private BigDecimal width(BigDecimal width, String pointer) {
        if (Math.max(width.stripTrailingZeros().scale(), 0) > WIDTH_DECIMALS) {
            findings.error(pointer, "expected at most " + WIDTH_DECIMALS + " decimals but got " + brief(width));
            return null;
        }
        if (width.precision() - width.scale() > MAX_INTEGER_DIGITS) {
            findings.error(pointer, "expected at most " + MAX_INTEGER_DIGITS + " integer digits");
            return null;
        }
        return width.setScale(WIDTH_DECIMALS);
    }

    private static Align align(String align) {
        return align == null ? Align.LEFT : Align.valueOf(align.toUpperCase(Locale.ROOT));
    }

    /**
     * Rows of cells. Each row must fill the table's columns once the cells spanning down from the rows above are
     * counted, so a misplaced rowspan is caught here rather than printed as a ragged table.
     */
    private List<List<Cell>> rows(List<List<PlanRequest.Cell>> requested, String pointer, int columnCount) {
        List<List<Cell>> rows = new ArrayList<>();
        int[] carried = new int[Math.max(columnCount, 1)];
        for (int r = 0; r < requested.size(); r++) {
            List<Cell> row = new ArrayList<>();
            int width = 0;
            for (int c = 0; c < carried.length; c++) {
                if (carried[c] > 0) {
                    width++;
                }
            }
            int column = 0;
            for (PlanRequest.Cell sent : requested.get(r)) {
                Cell cell = cell(sent);
                while (column < carried.length && carried[column] > 0) {
                    column++;
                }
                row.add(cell.at(column));
                for (int k = 0; k < cell.colspan() && column < carried.length; k++, column++) {
                    carried[column] = cell.rowspan();
                }
                width += cell.colspan();
            }
            if (columnCount > 0 && width != columnCount) {
                findings.error(
                        JsonPointers.child(pointer, r),
                        "expected cells covering " + columnCount
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

    /** A cell's text is trimmed and may be blank; an object cell's underline is accepted and not printed. */
    private static Cell cell(PlanRequest.Cell c) {
        return new Cell(
                c.text().strip(),
                c.colspan() == null ? 1 : c.colspan(),
                c.rowspan() == null ? 1 : c.rowspan(),
                c.align() == null ? null : align(c.align()),
                Boolean.TRUE.equals(c.bold()),
                Boolean.TRUE.equals(c.italic()),
                0);
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }

    /** A number as the client can recognise it, never a billion digits long. */
    private static String brief(BigDecimal number) {
        String text = Math.abs(number.scale()) > 30 ? number.toString() : number.toPlainString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
