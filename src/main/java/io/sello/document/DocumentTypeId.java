package io.sello.document;

import java.util.regex.Pattern;

/** The URL-safe name of a document type, such as {@code poa-execution-form}. */
public record DocumentTypeId(String value) {
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    public DocumentTypeId {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("document type id must match " + SLUG.pattern());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
