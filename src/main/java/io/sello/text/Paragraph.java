package io.sello.text;

import java.util.List;

public record Paragraph(List<Run> runs) {
    public Paragraph {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a paragraph has at least one run");
        }
    }
}
