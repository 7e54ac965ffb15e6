package io.sello.signoff;

import io.sello.document.DocumentType;
import io.sello.document.Hashes;
import io.sello.document.OutputFormat;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.Warning;
import io.sello.rendering.TemplateSource;
import io.sello.signing.SignatureFields;
import io.sello.signing.VerificationStamp;
import io.sello.storage.DocumentId;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.StorageProperties;
import io.sello.storage.StoredDocument;
import io.sello.storage.TemplateArchive;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a document for the registry: the PDF gets a verification QR code and short hash on every
 * page, then it is stored with its input, template version and signature slots, and audited.
 */
public final class DocumentStore {
    /** Printed beside the QR code: enough to match paper against the registry, short enough to read aloud. */
    static final int SHORT_HASH = 16;

    private final DocumentRegistry registry;
    private final VerificationStamp stamp;
    private final StorageProperties storage;
    private final TemplateArchive templates;

    public DocumentStore(DocumentRegistry registry, VerificationStamp stamp, StorageProperties storage) {
        this(registry, stamp, storage, null);
    }

    /** @param templates where each template version's files are kept the first time it is used; {@code null}: nowhere */
    public DocumentStore(
            DocumentRegistry registry, VerificationStamp stamp, StorageProperties storage, TemplateArchive templates) {
        this.registry = registry;
        this.stamp = stamp;
        this.storage = storage;
        this.templates = templates;
    }

    public Stored store(DocumentType type, byte[] json, boolean lenient, Actor actor) {
        RenderedDocument rendered = type.render(json, new RenderOptions(lenient, OutputFormat.PDF));
        DocumentId id = DocumentId.random();
        String renderedSha256 = Hashes.sha256(rendered.content());
        byte[] withFields = SignatureFields.add(rendered.content(), rendered.signatureSlots());
        byte[] pdf = stamp.stamp(
                withFields,
                storage.verificationUrl(id),
                "Verificar: " + storage.verificationUrl(id) + "\nSHA-256 " + renderedSha256.substring(0, SHORT_HASH));
        keepTemplates(type);
        StoredDocument stored = registry.store(
                id,
                type.id().value(),
                rendered.fileName(),
                pdf,
                renderedSha256,
                type.templateVersion(),
                new String(json, StandardCharsets.UTF_8),
                rendered.signatureSlots(),
                actor.username());
        registry.audit(
                id,
                actor.username(),
                "store",
                "ok",
                type.id().value() + " stored as " + rendered.fileName() + ", sha256 " + stored.sha256()
                        + Warning.listed(rendered.warnings()));
        return new Stored(stored, rendered);
    }

    /**
     * Keeps the files of the type's template version before the first document made with it is stored, so that every
     * stored document of a kept version can be rendered again with its own templates (issue 18, point 3). The files
     * are read from the jar the type renders with; a set that no longer matches the version the type announced (a jar
     * replaced under a running service) is not kept under that name.
     */
    private void keepTemplates(DocumentType type) {
        String version = type.templateVersion();
        if (templates == null || templates.has(version)) {
            return;
        }
        type.templateFiles(TemplateSource.CLASSPATH).ifPresent(files -> {
            if (version.endsWith("@" + files.fingerprint())) {
                Map<String, byte[]> bytes = new LinkedHashMap<>();
                files.paths().forEach(path -> bytes.put(path, files.bytesOf(path)));
                templates.keep(version, type.id().value(), bytes);
            } else {
                LoggerFactory.getLogger(DocumentStore.class)
                        .warn("template files of {} now fingerprint as {}: not kept", version, files.fingerprint());
            }
        });
    }

    /** The stored record and the render it came from (for its warnings). */
    public record Stored(StoredDocument document, RenderedDocument rendered) {}
}
