package io.sello.document;

import java.nio.charset.StandardCharsets;

/** The parts every document type has in common: its id, its published schema and its example, all shipped in the jar. */
public abstract class BundledDocumentType implements DocumentType {
    private final DocumentTypeId id;
    private final String schema;
    private final String examplePath;
    private final String templateVersion;

    protected BundledDocumentType(DocumentTypeId id, String schemaPath, String examplePath) {
        this.id = id;
        this.schema = new String(ClasspathText.bytes(schemaPath), StandardCharsets.UTF_8);
        this.examplePath = examplePath;
        ClasspathText.bytes(examplePath); // a missing example is a packaging bug: fail at start-up
        this.templateVersion = id.value() + "@" + fingerprint(id);
    }

    /** The first 12 hex digits of SHA-256 over the schema and the main template: changes when either does. */
    private String fingerprint(DocumentTypeId id) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(schema.getBytes(StandardCharsets.UTF_8));
            for (String main : new String[]{".jrxml", ".xhtml.ftl"}) {
                var in = BundledDocumentType.class.getClassLoader()
                        .getResourceAsStream("report-templates/" + id.value() + "/" + id.value() + main);
                if (in != null) {
                    try (in) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the templates of " + id.value(), e);
        }
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
