package io.sello.document;

import java.util.Objects;

/**
 * A figure the service computes and prints (issue 15: a data-entry page shows each one as the server
 * computes it, and never computes one itself), as {@code POST …/validate} reports it.
 *
 * @param pointer the JSON pointer in the request where a client would declare this figure: the same
 *                pointer a mismatch of this figure carries ({@link TotalMismatch#pointer()})
 * @param label   where staff find it on paper, in Spanish: {@code "TOTAL GENERAL · Programado"}
 * @param value   the figure as a plain decimal ({@code "1237022.00"}, {@link java.math.BigDecimal#toPlainString()}),
 *                with the decimals the document prints; {@code null} when the document prints no number there
 *                ({@code N/A}, {@code -}, {@code n.a.})
 * @param printed the text the document prints, from the same formatter the renderer uses ({@code "1,237,022.00"})
 */
public record ComputedFigure(String pointer, String label, String value, String printed) {
    public ComputedFigure {
        Objects.requireNonNull(pointer, "pointer");
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("a figure's pointer starts with /: " + pointer);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(printed, "printed");
    }
}
