package io.sello;

import io.sello.document.DocumentTypes;
import io.sello.form.PoaExecutionFormType;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.RenderingProperties;
import io.sello.rendering.jasper.JasperDocumentRenderer;

import java.util.List;

/**
 * Wires the engine and the document types by hand, so that the CLI gets exactly what the server
 * gets without starting Spring.
 */
public final class Sello {
    private Sello() {
    }

    public static DocumentRenderer jasperRenderer(RenderingProperties settings) {
        return new JasperDocumentRenderer(settings);
    }

    public static DocumentTypes documentTypes(DocumentRenderer jasper) {
        return new DocumentTypes(List.of(new PoaExecutionFormType(jasper)));
    }
}
