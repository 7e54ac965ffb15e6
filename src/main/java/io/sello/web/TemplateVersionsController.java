package io.sello.web;

import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.Hashes;
import io.sello.document.InputError;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.http.UnknownDocumentTypeException;
import io.sello.rendering.TemplateFiles;
import io.sello.rendering.TemplateSource;
import io.sello.signoff.DocumentNotFoundException;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.StoredDocument;
import io.sello.storage.TemplateArchive;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Template versions (issue 18, point 3): the versions of a type, and a stored document rendered again with its own
 * version's kept files or with today's.
 */
@RestController
class TemplateVersionsController {
    static final String NOT_STORED = "Sello-Not-Stored";
    static final String TEMPLATE_VERSION = "Sello-Template-Version";

    private final DocumentRegistry registry;
    private final DocumentTypes types;
    private final TemplateArchive archive;
    private final TemplateSource current;
    private final RenderGate gate;
    private final SecurityProperties security;

    TemplateVersionsController(
            DocumentRegistry registry,
            DocumentTypes types,
            TemplateArchive archive,
            TemplateSource current,
            RenderGate gate,
            SecurityProperties security) {
        this.registry = registry;
        this.types = types;
        this.archive = archive;
        this.current = current;
        this.gate = gate;
        this.security = security;
    }

    @Operation(
            summary = "The template versions of a document type",
            description =
                    "Every version documents of this type were stored with, oldest first, with the time it was first"
                            + " used. A version is a fingerprint of every file that can change the output: templates, CSS, shared"
                            + " macros, JRXML, fonts and schema. kept: its files are kept, so its documents can be rendered again with it.")
    @SecurityRequirements // open like the schema (SecurityConfiguration: GET /api/v1/document-types/**)
    @GetMapping(path = "/api/v1/document-types/{type}/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    Versions versions(@PathVariable String type) {
        DocumentType found = types.find(type).orElseThrow(() -> new UnknownDocumentTypeException(type));
        return new Versions(
                found.id().value(),
                found.templateVersion(),
                archive.versions(found.id().value()).stream()
                        .map(v -> new VersionView(
                                v.version(),
                                v.firstUsed().toString(),
                                v.kept(),
                                v.version().equals(found.templateVersion())))
                        .toList());
    }

    @Operation(
            summary = "Render a stored document again",
            description =
                    "Renders the stored document's input again, with the template files of the version it was made"
                            + " with (templateVersion=original) or with today's (current), and returns the PDF. The PDF is NOT stored"
                            + " and NOT signed, has no verification stamp, and is no substitute for the stored document"
                            + " (header " + NOT_STORED + "); " + TEMPLATE_VERSION
                            + " names the version used. Open to whoever may"
                            + " read the document. 409 when the document's version was never kept (documents stored before"
                            + " versions were kept) or its fonts are no longer bundled.")
    @PostMapping(path = "/api/v1/documents/{id}/re-render", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> reRender(
            @PathVariable String id,
            @Parameter(schema = @Schema(allowableValues = {"original", "current"}))
                    @RequestParam(defaultValue = "original")
                    String templateVersion,
            Authentication who) {
        StoredDocument document = registry.find(RegistryController.parse(id))
                .orElseThrow(() -> new DocumentNotFoundException("no stored document with that id"));
        boolean original = switch (templateVersion) {
            case "original" -> true;
            case "current" -> false;
            default ->
                throw new TemplateVersionRefused(
                        HttpStatus.BAD_REQUEST,
                        "invalid-template-version",
                        "Unknown template version choice",
                        "templateVersion must be original or current",
                        null);
        };
        String versionsLink = "/api/v1/document-types/" + document.type() + "/versions";
        DocumentType type = types.find(document.type())
                .orElseThrow(() -> new TemplateVersionRefused(
                        HttpStatus.CONFLICT,
                        "template-version-unavailable",
                        "Template version unavailable",
                        "the document's type " + document.type() + " is no longer produced by this service",
                        null));
        TemplateFiles files = original
                ? kept(document, versionsLink)
                : type.templateFiles(current)
                        .orElseThrow(() -> new TemplateVersionRefused(
                                HttpStatus.CONFLICT,
                                "template-version-unavailable",
                                "Template version unavailable",
                                "the type " + document.type() + " has no template files to render with",
                                versionsLink));
        String version = original ? document.templateVersion() : type.id().value() + "@" + files.fingerprint();
        byte[] json = document.inputJson().getBytes(StandardCharsets.UTF_8);
        // lenient: the document was accepted when it was stored; its data's warnings are no reason to refuse it now
        RenderedDocument rendered =
                gate.run(() -> TemplateFiles.rendering(files, () -> type.render(json, RenderOptions.LENIENT)));
        registry.audit(
                document.id(),
                SecurityConfiguration.actor(who, security).username(),
                "re-render",
                "ok",
                "rendered again with " + templateVersion + " template version " + version + "; not stored, not signed");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.inline()
                .filename(rendered.fileName(), StandardCharsets.UTF_8)
                .build());
        headers.set(TEMPLATE_VERSION, version);
        headers.set(NOT_STORED, "not stored, not signed: a copy rendered again for comparison");
        return ResponseEntity.ok().headers(headers).body(rendered.content());
    }

    /**
     * The document's own version's files, as kept. The engines read templates, CSS and JRXML from them; the fonts come
     * from the engines' font registries, so a version is usable only while its fonts are still the bundled ones.
     */
    private TemplateFiles kept(StoredDocument document, String versionsLink) {
        Map<String, String> hashes = archive.hashes(document.templateVersion());
        if (hashes.isEmpty()) {
            throw new TemplateVersionRefused(
                    HttpStatus.CONFLICT,
                    "template-version-not-kept",
                    "Template version not kept",
                    "the files of template version " + document.templateVersion()
                            + " were not kept (documents stored before"
                            + " versions were kept); render it with templateVersion=current",
                    versionsLink);
        }
        for (Map.Entry<String, String> file : hashes.entrySet()) {
            if (isFont(file.getKey())
                    && !TemplateSource.CLASSPATH
                            .read(file.getKey())
                            .map(bundled -> Hashes.sha256(bundled).equals(file.getValue()))
                            .orElse(false)) {
                throw new TemplateVersionRefused(
                        HttpStatus.CONFLICT,
                        "template-version-fonts-changed",
                        "Template version's fonts are no longer bundled",
                        "template version " + document.templateVersion()
                                + " was made with fonts this release no longer bundles; render it with templateVersion=current",
                        versionsLink);
            }
        }
        // the fonts' bytes stay in the database: the engines take them from their font registries, checked equal above
        return TemplateFiles.of(
                archive.files(document.templateVersion(), path -> !isFont(path)).orElseThrow());
    }

    private static boolean isFont(String path) {
        return path.startsWith("sello/fonts/") && !path.equals(TemplateFiles.FONTS);
    }

    /** @param current the version documents of this type are stored with today */
    record Versions(String type, String current, List<VersionView> versions) {}

    /** @param firstUsed when the first document with this version was stored (ISO 8601, UTC) */
    record VersionView(String version, String firstUsed, boolean kept, boolean current) {}

    /** The problem for {@link TemplateVersionRefused}; the pointer names the query parameter. */
    static InputError error(TemplateVersionRefused e) {
        return new InputError("/templateVersion", e.getMessage());
    }
}
