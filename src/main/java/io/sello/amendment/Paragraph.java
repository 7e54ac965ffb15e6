package io.sello.amendment;

import java.util.List;

public record Paragraph(List<Segment> segments) {
    public Paragraph {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a paragraph has at least one segment");
        }
    }
}
