package io.sello.rendering;

import java.util.Map;

/**
 * The service's own web pages rendered on the server (the verification page behind the QR code, which must
 * read without JavaScript on any phone). The implementation is the HTML engine's FreeMarker, in a
 * configuration of its own, so that only the engine adapters touch FreeMarker (ArchitectureTest).
 */
public interface PageTemplates {

    /**
     * @param template a file under {@code web-templates/}, e.g. {@code verificacion.ftlh}
     * @param model    plain values only: strings, numbers, booleans, lists and maps of them; every string
     *                 is escaped as HTML on output
     */
    String render(String template, Map<String, ?> model);
}
