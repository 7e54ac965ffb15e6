package io.sello.rendering;

import java.util.List;

/**
 * Turns a {@link RenderRequest} into PDF bytes. Implementations sit in sub-packages (one per engine)
 * and are the only code allowed to touch engine classes.
 */
public interface DocumentRenderer {

    /** Loads (and if needed compiles) a template ahead of its first use. */
    void prepare(TemplateId template);

    /** @throws RenderingException when the engine fails; the message is safe to show a client */
    default byte[] render(RenderRequest request) {
        return render(List.of(request));
    }

    /**
     * Several documents, one after the other, in one PDF (an amendment and its annex). Each part keeps
     * its own page numbering, as annexes do on paper.
     */
    byte[] render(List<RenderRequest> parts);

    /**
     * The PDF with the rectangles the template marks as anchors (elements keyed {@code anchor:<name>}).
     * Engines that cannot report positions return none.
     */
    default RenderedPdf renderWithAnchors(RenderRequest request) {
        return new RenderedPdf(render(request), List.of());
    }
}
