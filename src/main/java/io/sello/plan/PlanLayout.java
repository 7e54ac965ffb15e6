package io.sello.plan;

import io.sello.budget.BudgetLayout;
import io.sello.budget.ReconciledBudgets;
import io.sello.document.SafeFileName;
import io.sello.format.NumberStyle;
import io.sello.plan.PlanModel.Block;
import io.sello.plan.PlanModel.Cell;
import io.sello.plan.PlanModel.Column;
import io.sello.plan.PlanModel.OperationalPlan;
import io.sello.plan.PlanModel.Section;
import io.sello.plan.PlanModel.Table;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.TemplateId;
import io.sello.text.ParagraphLayout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays a plan out for {@code report-templates/operational-plan}: sections are numbered {@code s1, s2 …}
 * in document order, so that the index ({@code target-counter}) and the bookmarks can point at them.
 */
final class PlanLayout {
    static final TemplateId TEMPLATE = new TemplateId("operational-plan");

    private final ParagraphLayout text = new ParagraphLayout(NumberStyle.COMMA_GROUPS_DOT_DECIMALS);
    private final List<Map<String, Object>> flat = new ArrayList<>();
    private int nextId;

    private final ReconciledBudgets budgets;

    private PlanLayout(ReconciledBudgets budgets) {
        this.budgets = budgets;
    }

    /** @param budgets the plan's budget tables, computed and reconciled ({@link #budgets}) */
    static RenderRequest of(OperationalPlan plan, ReconciledBudgets budgets) {
        return new PlanLayout(budgets).request(plan);
    }

    static ReconciledBudgets budgets(OperationalPlan plan) {
        return ReconciledBudgets.of(plan.budgetTables(), plan.figures());
    }

    static String fileName(OperationalPlan plan) {
        return SafeFileName.of(
                "pdf", "Plan-Operativo", plan.cover().program(), plan.cover().period());
    }

    private RenderRequest request(OperationalPlan plan) {
        Map<String, Object> p = new HashMap<>();
        p.put(
                "cover",
                Map.of(
                        "program",
                        plan.cover().program(),
                        "title",
                        plan.cover().title(),
                        "period",
                        plan.cover().period(),
                        "placeAndDate",
                        plan.cover().placeAndDate()));
        p.put(
                "abbreviations",
                plan.abbreviations().stream()
                        .map(a -> Map.of("abbreviation", a.abbreviation(), "meaning", a.meaning()))
                        .toList());
        p.put("bookmarks", sections(plan.sections(), 1));
        p.put("sections", flat);
        String title =
                plan.cover().title().isEmpty() ? "Plan Operativo" : plan.cover().title();
        return new RenderRequest(TEMPLATE, title + " " + plan.cover().program(), p, List.of());
    }

    /** Lays out sections depth-first into {@link #flat}; returns the bookmark tree of this level. */
    private List<Map<String, Object>> sections(List<Section> sections, int level) {
        List<Map<String, Object>> bookmarks = new ArrayList<>();
        for (Section section : sections) {
            String id = "s" + (++nextId);
            Map<String, Object> laid = new LinkedHashMap<>();
            laid.put("id", id);
            laid.put("title", section.title());
            laid.put("level", level);
            List<Map<String, Object>> blocks = new ArrayList<>();
            for (Block block : section.blocks()) {
                blocks.add(block(block));
            }
            laid.put("blocks", blocks);
            laid.put("notes", text.takeNotes());
            flat.add(laid);
            bookmarks.add(
                    Map.of("id", id, "title", section.title(), "children", sections(section.sections(), level + 1)));
        }
        return bookmarks;
    }

    private Map<String, Object> block(Block block) {
        if (block instanceof PlanModel.ParagraphBlock paragraph) {
            return Map.of("kind", "paragraph", "runs", text.runs(paragraph.paragraph()));
        }
        if (block instanceof PlanModel.HeadingBlock heading) {
            return Map.of("kind", "heading", "text", heading.text());
        }
        if (block instanceof PlanModel.ListBlock list) {
            return Map.of("kind", "list", "items", text.paragraphs(list.items()));
        }
        if (block instanceof PlanModel.BudgetBlock budget) {
            Map<String, Object> table = BudgetLayout.table(
                    budgets.printed(budget.pointer()), budgets.errorsIn(budget.pointer()), BudgetLayout.PORTRAIT_WIDTH);
            BudgetLayout.requirePrintable(budget.pointer(), table);
            return Map.of("kind", "budget", "table", table);
        }
        return table(((PlanModel.TableBlock) block).table());
    }

    private Map<String, Object> table(Table table) {
        double total = table.columns().stream().mapToDouble(Column::width).sum();
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            columns.add(Map.of(
                    "width",
                    String.format(Locale.ROOT, "%.2f%%", 100 * column.width() / total),
                    "align",
                    column.align().name().toLowerCase(Locale.ROOT)));
        }
        Map<String, Object> laid = new HashMap<>();
        laid.put("kind", "table");
        laid.put("caption", table.caption());
        laid.put("columns", columns);
        laid.put("header", rows(table.header(), table.columns(), true));
        laid.put("body", rows(table.body(), table.columns(), false));
        laid.put("notes", text.paragraphs(table.notes()));
        table.notes().forEach(text::noteNumbered);
        return laid;
    }

    /** Cells take their column's alignment unless they set their own; header cells are centred. */
    private static List<List<Map<String, Object>>> rows(List<List<Cell>> rows, List<Column> columns, boolean header) {
        List<List<Map<String, Object>>> laid = new ArrayList<>();
        for (List<Cell> row : rows) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Cell cell : row) {
                String align = cell.align() != null
                        ? cell.align().name()
                        : header
                                ? "CENTER"
                                : columns.get(Math.min(cell.column(), columns.size() - 1))
                                        .align()
                                        .name();
                cells.add(Map.of(
                        "text",
                        cell.text(),
                        "colspan",
                        cell.colspan(),
                        "rowspan",
                        cell.rowspan(),
                        "align",
                        align.toLowerCase(Locale.ROOT),
                        "bold",
                        cell.bold(),
                        "italic",
                        cell.italic()));
            }
            laid.add(cells);
        }
        return laid;
    }
}
