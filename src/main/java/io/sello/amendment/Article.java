package io.sello.amendment;

import io.sello.text.Paragraph;

import java.util.List;

/** "Artículo n.-" of the amendment: its text, then the clauses it quotes as modified. */
record Article(int number, List<Paragraph> paragraphs, List<QuotedClause> quotedClauses) {
    public Article {
        if (number < 1) {
            throw new IllegalArgumentException("article numbers start at 1");
        }
        paragraphs = List.copyOf(paragraphs);
        quotedClauses = List.copyOf(quotedClauses);
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("an article has at least one paragraph");
        }
    }
}
