package io.sello.plan;

import io.sello.budget.BudgetTable;
import io.sello.budget.PrintedFigures;
import io.sello.text.Paragraph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The values of an operational plan (Plan Operativo), after the annex of seed 003. */
final class PlanModel {
    private PlanModel() {}

    /** At most three levels of sections (C. → C2. → iii)), as in the seed's index. */
    static final int MAX_DEPTH = 3;

    record Cover(String program, String title, String period, String placeAndDate) {
        Cover {
            Objects.requireNonNull(program, "program");
            title = title == null ? "" : title;
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(placeAndDate, "placeAndDate");
        }
    }

    record Abbreviation(String abbreviation, String meaning) {
        Abbreviation {
            Objects.requireNonNull(abbreviation, "abbreviation");
            Objects.requireNonNull(meaning, "meaning");
        }
    }

    record Section(String title, List<Block> blocks, List<Section> sections) {
        Section {
            Objects.requireNonNull(title, "title");
            blocks = List.copyOf(blocks);
            sections = List.copyOf(sections);
        }
    }

    sealed interface Block permits ParagraphBlock, HeadingBlock, ListBlock, TableBlock, BudgetBlock {}

    record ParagraphBlock(Paragraph paragraph) implements Block {}

    /** A minor heading ("a) Antecedentes relevantes"): printed, not indexed. */
    record HeadingBlock(String text) implements Block {}

    record ListBlock(List<Paragraph> items) implements Block {
        ListBlock {
            items = List.copyOf(items);
        }
    }

    record TableBlock(Table table) implements Block {}

    /**
     * A budget table (docs/budget-tables.md): computed and reconciled by the budget engine, the same
     * one the budget-summary type uses.
     *
     * @param pointer the JSON pointer of the table in the request, which names it in reports
     */
    record BudgetBlock(BudgetTable table, String pointer) implements Block {
        BudgetBlock {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(pointer, "pointer");
        }
    }

    enum Align {
        LEFT,
        CENTER,
        RIGHT
    }

    record Column(double width, Align align) {
        Column {
            if (!(width > 0)) {
                throw new IllegalArgumentException("column width must be positive");
            }
        }
    }

    /**
     * @param column the first table column the cell covers, once cells spanning from rows above are
     *               counted (worked out by the reader, which checks the spans)
     */
    record Cell(String text, int colspan, int rowspan, Align align, boolean bold, boolean italic, int column) {
        Cell {
            Objects.requireNonNull(text, "text");
            if (colspan < 1 || rowspan < 1 || column < 0) {
                throw new IllegalArgumentException("spans start at 1, columns at 0");
            }
        }

        Cell at(int firstColumn) {
            return new Cell(text, colspan, rowspan, align, bold, italic, firstColumn);
        }
    }

    record Table(
            String caption,
            List<Column> columns,
            List<List<Cell>> header,
            List<List<Cell>> body,
            List<Paragraph> notes) {
        Table {
            caption = caption == null ? "" : caption;
            columns = List.copyOf(columns);
            header = header.stream().map(List::copyOf).toList();
            body = body.stream().map(List::copyOf).toList();
            notes = List.copyOf(notes);
        }
    }

    /** @param figures the request's {@code "figures"}: which figure a budget cell prints when the declared one differs by rounding */
    record OperationalPlan(
            Cover cover, List<Abbreviation> abbreviations, List<Section> sections, PrintedFigures figures) {
        OperationalPlan {
            Objects.requireNonNull(cover, "cover");
            Objects.requireNonNull(figures, "figures");
            abbreviations = List.copyOf(abbreviations);
            sections = List.copyOf(sections);
            if (sections.isEmpty()) {
                throw new IllegalArgumentException("a plan has at least one section");
            }
        }

        /** Every budget table of the plan, by JSON pointer, in reading order. */
        Map<String, BudgetTable> budgetTables() {
            Map<String, BudgetTable> tables = new LinkedHashMap<>();
            collect(sections, tables);
            return tables;
        }

        private static void collect(List<Section> sections, Map<String, BudgetTable> tables) {
            for (Section section : sections) {
                for (Block block : section.blocks()) {
                    if (block instanceof BudgetBlock budget) {
                        tables.put(budget.pointer(), budget.table());
                    }
                }
                collect(section.sections(), tables);
            }
        }
    }
}
