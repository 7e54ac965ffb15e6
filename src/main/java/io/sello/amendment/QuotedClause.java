package io.sello.amendment;

import io.sello.text.Paragraph;

import java.util.List;
import java.util.Objects;

/** A clause of the original agreement, quoted as it reads after the amendment ("ARTICULO QUINTO …"). */
record QuotedClause(String heading, String title, List<Paragraph> paragraphs) {
    public QuotedClause {
        Objects.requireNonNull(heading, "heading");
        title = title == null ? "" : title;
        paragraphs = List.copyOf(paragraphs);
    }
}
