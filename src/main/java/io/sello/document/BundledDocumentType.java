package io.sello.document;

import java.nio.charset.StandardCharsets;

/** The parts every document type has in common: its id, its published schema and its example, all shipped in the jar. */
public abstract class BundledDocumentType implements DocumentType {
    private final DocumentTypeId id;
    private final String schema;
    private final String examplePath;

    protected BundledDocumentType(DocumentTypeId id, String schemaPath, String examplePath) {
        this.id = id;
        this.schema = new String(ClasspathText.bytes(schemaPath), StandardCharsets.UTF_8);
        this.examplePath = examplePath;
        ClasspathText.bytes(examplePath); // a missing example is a packaging bug: fail at start-up
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
