package io.sello.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sello.budget.PrintedFigures;
import io.sello.text.ParagraphRequest;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.util.List;

/**
 * An {@code operational-plan} request (or an amendment's {@code annex}) as its published schema gives it, bound after
 * the schema accepted it (absent fields are {@code null}); {@link PlanRules} turns it into an operational plan.
 */
@JsonIgnoreProperties({"$schema"})
record PlanRequest(Cover cover, List<Abbreviation> abbreviations, List<Section> sections, PrintedFigures figures) {
    PlanRequest {
        abbreviations = abbreviations == null ? List.of() : abbreviations;
        sections = sections == null ? List.of() : sections;
    }

    record Cover(String program, String title, String period, String placeAndDate) {}

    record Abbreviation(String abbreviation, String meaning) {}

    record Section(String title, List<Block> blocks, List<Section> sections) {
        Section {
            blocks = blocks == null ? List.of() : blocks;
            sections = sections == null ? List.of() : sections;
        }
    }

    /**
     * Exactly one of its fields (the schema's oneOf). A budget table stays as sent, for the budget engine's own
     * binding and rules (io.sello.budget.EmbeddedBudgetTable).
     */
    record Block(
            ParagraphRequest paragraph, String heading, List<ParagraphRequest> list, Table table, JsonNode budget) {}

    record Table(
            String caption,
            List<Column> columns,
            List<List<Cell>> header,
            List<List<Cell>> body,
            List<ParagraphRequest> notes) {
        Table {
            columns = columns == null ? List.of() : columns;
            header = header == null ? List.of() : header;
            body = body == null ? List.of() : body;
        }
    }

    /** {@code align} is one of left, center, right (the schema's enum). */
    record Column(BigDecimal width, String align) {}

    /**
     * A cell sent as a string (its text), or as an object with its text, spans, alignment and emphasis; read through
     * the binding's string reader either way, so its text is checked like any other.
     */
    @JsonDeserialize(using = CellReader.class)
    record Cell(
            String text,
            Integer colspan,
            Integer rowspan,
            String align,
            Boolean bold,
            Boolean italic,
            Boolean underline) {}

    /** A cell's object form. */
    record FormattedCell(
            String text,
            Integer colspan,
            Integer rowspan,
            String align,
            Boolean bold,
            Boolean italic,
            Boolean underline) {}

    static final class CellReader extends ValueDeserializer<Cell> {
        @Override
        public Cell deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return new Cell(ctxt.readValue(p, String.class), null, null, null, null, null, null);
            }
            FormattedCell c = ctxt.readValue(p, FormattedCell.class);
            return new Cell(c.text(), c.colspan(), c.rowspan(), c.align(), c.bold(), c.italic(), c.underline());
        }
    }
}
