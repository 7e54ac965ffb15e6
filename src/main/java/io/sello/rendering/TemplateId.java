package io.sello.rendering;

import java.util.regex.Pattern;

/** A template folder under {@code report-templates/}, e.g. {@code poa-execution-form}. */
public record TemplateId(String value) {
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    public TemplateId {
        // The id becomes part of a resource path: a slug can never climb out of report-templates/.
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("template id must match " + SLUG.pattern());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
