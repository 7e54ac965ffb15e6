package io.sello.rendering;

import java.util.Objects;

/**
 * The two engines a document type can render with: JasperReports for fixed-grid official forms (Formulario N.5.B)
 * and FreeMarker → XHTML → Flying Saucer for flowing documents. A type takes the one its templates are written for.
 */
public record Engines(DocumentRenderer jasper, DocumentRenderer html) {
    public Engines {
        Objects.requireNonNull(jasper, "jasper");
        Objects.requireNonNull(html, "html");
    }
}
