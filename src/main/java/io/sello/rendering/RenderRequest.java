package io.sello.rendering;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Engine-neutral input of a render: named values for the page furniture and one map per row.
 * A row value that is itself a list of maps feeds a nested table (a subreport in JasperReports).
 * All values are plain Java: strings, numbers, booleans, lists and maps, so a feature never needs
 * an engine class to describe its document.
 *
 * @param title the PDF's document title (metadata)
 */
public record RenderRequest(TemplateId template, String title, Map<String, Object> parameters,
                            List<Map<String, Object>> rows) {
    public RenderRequest {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(title, "title");
        parameters = Map.copyOf(parameters);
        rows = List.copyOf(rows);
    }
}
