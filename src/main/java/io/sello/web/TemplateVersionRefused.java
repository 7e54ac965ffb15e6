package io.sello.web;

import org.springframework.http.HttpStatus;

/**
 * A re-render that cannot be done as asked (issue 18, point 3): a {@code templateVersion} that is neither
 * {@code original} nor {@code current} (400), or a document whose version's files were never kept or can no longer
 * be used (409). {@code pointer} names the query parameter, {@code versions} the list of the type's versions.
 */
final class TemplateVersionRefused extends RuntimeException {
    private final HttpStatus status;
    private final String problemType;
    private final String title;
    private final String versions;

    TemplateVersionRefused(HttpStatus status, String problemType, String title, String detail, String versions) {
        super(detail);
        this.status = status;
        this.problemType = problemType;
        this.title = title;
        this.versions = versions;
    }

    HttpStatus status() {
        return status;
    }

    String problemType() {
        return problemType;
    }

    String title() {
        return title;
    }

    /** The link to {@code GET /api/v1/document-types/{type}/versions}; {@code null} when the type is unknown. */
    String versions() {
        return versions;
    }
}
