package io.sello.document;

import io.sello.rendering.TemplateFiles;
import io.sello.rendering.TemplateId;
import io.sello.rendering.TemplateSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The parts every document type has in common: its id, its published schema and its example, all shipped in the jar. */
abstract class BundledDocumentType implements DocumentType {
    private final DocumentTypeId id;
    private final String schema;
    private final String schemaPath;
    private final String examplePath;
    private final List<TemplateId> templates;
    private final String templateVersion;

    /** A type whose one template is the folder named as the type ({@code report-templates/<id>/}). */
    protected BundledDocumentType(DocumentTypeId id, String schemaPath, String examplePath) {
        this(id, schemaPath, examplePath, List.of(new TemplateId(id.value())));
    }

    /** @param templates every template the type renders with, its annexes' too: they all make its version */
    protected BundledDocumentType(
            DocumentTypeId id, String schemaPath, String examplePath, List<TemplateId> templates) {
        this.id = id;
        this.schemaPath = schemaPath;
        this.schema = new String(ClasspathText.bytes(schemaPath), StandardCharsets.UTF_8);
        this.examplePath = examplePath;
        this.templates = List.copyOf(templates);
        ClasspathText.bytes(examplePath); // a missing example is a packaging bug: fail at start-up
        // Fingerprinted once, at start-up, then forgotten: the fonts alone are 2.5 MB, which no type keeps in the heap.
        this.templateVersion = id.value() + "@"
                + TemplateFiles.fingerprint(this.templates, List.of(schemaPath), TemplateSource.CLASSPATH);
    }

    /**
     * Every file that can change this type's output, read from {@code source} (issue 18, point 3): the version is
     * {@code <type>@<fingerprint of these files>}.
     */
    @Override
    public final Optional<TemplateFiles> templateFiles(TemplateSource source) {
        return Optional.of(TemplateFiles.discover(templates, List.of(schemaPath), source));
    }

    @Override
    public final String templateVersion() {
        return templateVersion;
    }

    @Override
    public final DocumentTypeId id() {
        return id;
    }

    @Override
    public final String jsonSchema() {
        return schema;
    }

    @Override
    public final byte[] example() {
        return ClasspathText.bytes(examplePath);
    }
}
