package io.sello.rendering;

import io.sello.rendering.html.HtmlDocumentRenderer;
import io.sello.rendering.jasper.JasperDocumentRenderer;

/**
 * The rendering module's two engines, built from its top package: the adapters in {@code html} and {@code jasper}
 * are the module's internals (Spring Modulith's {@code verify()}, issue 18, point 4), so the CLI's wiring in
 * {@code io.sello.Sello} and the server's {@link RenderingConfiguration} both come here for them.
 */
public final class Renderers {
    private Renderers() {}

    /** JasperReports, for fixed-grid official forms (Formulario N.5.B). */
    public static DocumentRenderer jasper(RenderingProperties settings) {
        return new JasperDocumentRenderer(settings);
    }

    /** FreeMarker → XHTML → Flying Saucer, for flowing documents. */
    public static DocumentRenderer html(RenderingProperties settings) {
        return new HtmlDocumentRenderer(settings);
    }
}
