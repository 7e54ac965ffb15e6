package io.sello.support;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Every piece of text a plan or annex request asks to print: titles, runs, headings, footnotes and table cells. */
public final class JsonTexts {
    private JsonTexts() {}

    public static List<String> of(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isString()) {
            texts.add(node.stringValue());
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, texts));
        } else if (node.isObject()) {
            for (String key : List.of("title", "text", "heading", "footnote")) {
                if (node.has(key) && node.get(key).isString()) {
                    texts.add(node.get(key).stringValue());
                }
            }
            for (String key :
                    List.of("blocks", "sections", "paragraph", "list", "table", "header", "body", "notes", "caption")) {
                if (node.has(key)) {
                    collect(node.get(key), texts);
                }
            }
        }
    }

    /** The pieces that {@code pdf} does not print, comparing without white space. */
    public static List<String> missingFrom(PdfDocument pdf, List<String> pieces) {
        String reading = pdf.flowingText(false);
        String written = pdf.flowingText(true);
        List<String> missing = new ArrayList<>();
        for (String piece : pieces) {
            String compact = piece.replaceAll("\\s+", "");
            if (!compact.isEmpty()
                    && !reading.contains(compact)
                    && !written.contains(compact)
                    && !acrossAPageBreak(piece, written)) {
                missing.add(piece);
            }
        }
        return missing;
    }

    /**
     * A table cell whose row group runs over a page break is printed in two parts, with the repeated
     * header rows and the footer between them: its words are all there, in order, close together.
     */
    private static boolean acrossAPageBreak(String piece, String flow) {
        String[] words = piece.trim().split("\\s+");
        int from = flow.indexOf(words[0]);
        while (from >= 0) {
            int at = from + words[0].length();
            boolean found = true;
            for (int i = 1; i < words.length && found; i++) {
                int next = flow.indexOf(words[i], at);
                found = next >= 0 && next - at <= PAGE_BREAK_GAP;
                at = next + words[i].length();
            }
            if (found) {
                return true;
            }
            from = flow.indexOf(words[0], from + 1);
        }
        return false;
    }

    /** Characters a page break may put between two words of one cell: the neighbouring cells, footer and repeated header. */
    private static final int PAGE_BREAK_GAP = 1500;
}
