package io.sello.web;

import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.signoff.DocumentNotFoundException;
import io.sello.signoff.SignOffService;
import io.sello.signoff.Verification;
import io.sello.storage.AuditEvent;
import io.sello.storage.DocumentId;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.SignOffStep;
import io.sello.storage.StoredDocument;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Stored documents: their record, their current PDF, their sign-offs, verification and audit trail. */
@RestController
@RequestMapping("/api/v1/documents/{id}")
class RegistryController {
    private final DocumentRegistry registry;
    private final SignOffService signOffs;
    private final Verification verification;
    private final SecurityProperties security;

    RegistryController(
            DocumentRegistry registry,
            SignOffService signOffs,
            Verification verification,
            SecurityProperties security) {
        this.registry = registry;
        this.signOffs = signOffs;
        this.verification = verification;
        this.security = security;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    DocumentView get(@PathVariable String id) {
        return DocumentView.of(find(id));
    }

    @GetMapping(path = "/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        StoredDocument document = find(id);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(document.fileName(), StandardCharsets.UTF_8)
                .build());
        headers.set("Sello-Sha256", document.sha256());
        return ResponseEntity.ok().headers(headers).body(registry.pdf(document.id()));
    }

    /**
     * The data the document was rendered from, as it was sent: a new document can start from it ("Nuevo a
     * partir de…", issue 15). Open to the same callers as the document's PDF.
     */
    @Operation(
            summary = "The input data of a stored document",
            description = "The JSON object the document was rendered from, to start a new document or draft from it.")
    @GetMapping(path = "/data", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> data(@PathVariable String id) {
        StoredDocument document = find(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Sello-Document-Type", document.type())
                .body(document.inputJson().getBytes(StandardCharsets.UTF_8));
    }

    /** Body optional: {@code {"step": "REVISADO"}} makes the client's expectation explicit (409 when it is not the next one). */
    @PostMapping(path = "/sign-offs", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DocumentView> signOff(
            @PathVariable String id, @RequestBody(required = false) SignOffRequest request, Authentication who) {
        Optional<SignOffStep> step = Optional.empty();
        if (request != null && request.step() != null) {
            try {
                step = Optional.of(SignOffStep.valueOf(request.step()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(List.of(new InputError(
                        "/step", "expected one of ELABORADO, REVISADO, APROBADO but got \"" + request.step() + "\"")));
            }
        }
        StoredDocument signed = signOffs.signOff(parse(id), step, SecurityConfiguration.actor(who, security));
        return ResponseEntity.status(HttpStatus.CREATED).body(DocumentView.of(signed));
    }

    /**
     * For a signer who signs with their own software (issue 16 §1): the registry's current file, whose empty
     * signature field named after the step is the one to sign. Only the next step, only for who may sign it.
     */
    @Operation(
            summary = "The file to sign with your own software",
            description =
                    "The registry's current PDF with the step's empty signature field (ELABORADO, REVISADO or APROBADO)."
                            + " Sign that field once, incrementally, and send the result to POST /sign-offs/{step}.")
    @GetMapping(path = "/sign-offs/{step}/prepared.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> prepared(@PathVariable String id, @PathVariable String step, Authentication who) {
        SignOffStep wanted = step(step);
        byte[] pdf = signOffs.prepared(parse(id), wanted, SecurityConfiguration.actor(who, security));
        String name = find(id).fileName().replaceFirst("(?i)\\.pdf$", "") + "-"
                + wanted.name().toLowerCase(Locale.ROOT) + "-para-firmar.pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(pdf);
    }

    /**
     * The prepared file, signed with the signer's own software: accepted when it is that file plus one revision
     * signing the step's field with the certificate registered for the caller, and nothing else (422 with a
     * {@code fault} otherwise; nothing stored).
     */
    @Operation(
            summary = "Sign off with a file signed by your own software",
            description =
                    "The body is the prepared PDF (GET /sign-offs/{step}/prepared.pdf) with one incremental revision that signs"
                            + " the step's field. Refused with 422 /problems/sign-off-upload-refused and a fault (not-this-document, revisions,"
                            + " no-signature, wrong-field, signature-invalid, not-covering, other-changes, not-your-certificate) otherwise.")
    @PostMapping(
            path = "/sign-offs/{step}",
            consumes = MediaType.APPLICATION_PDF_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DocumentView> signOffUploaded(
            @PathVariable String id, @PathVariable String step, @RequestBody byte[] pdf, Authentication who) {
        StoredDocument signed =
                signOffs.signOffUploaded(parse(id), step(step), pdf, SecurityConfiguration.actor(who, security));
        return ResponseEntity.status(HttpStatus.CREATED).body(DocumentView.of(signed));
    }

    private static SignOffStep step(String step) {
        try {
            return SignOffStep.valueOf(step);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(
                    new InputError("/step", "expected one of ELABORADO, REVISADO, APROBADO but got \"" + step + "\"")));
        }
    }

    @GetMapping(path = "/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements // open to anyone, like /verify/{id}
    Verification.Result verification(@PathVariable String id, Authentication who) {
        return verification.verifyStored(parse(id), SecurityConfiguration.actor(who, security));
    }

    @GetMapping(path = "/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AuditEvent> audit(@PathVariable String id) {
        return registry.auditOf(find(id).id());
    }

    private StoredDocument find(String id) {
        return registry.find(parse(id)).orElseThrow(() -> new DocumentNotFoundException("no stored document " + id));
    }

    static DocumentId parse(String id) {
        try {
            return DocumentId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new DocumentNotFoundException("no stored document with that id");
        }
    }

    record SignOffRequest(String step) {}

    /** A sign-off as clients see it; {@code kind} in lower case, like the API's other words. */
    record SignOffView(
            String step,
            String signer,
            String position,
            String username,
            Instant signedAt,
            String sha256,

            @Schema(
                    allowableValues = {"personal", "seal"},
                    description = "personal: signed with the signer's own key; seal: the service's electronic"
                            + " seal (always so for a system using an API key)")
            String kind) {
        static SignOffView of(StoredDocument.SignOff s) {
            return new SignOffView(
                    s.step().name(),
                    s.signer(),
                    s.position(),
                    s.username(),
                    s.signedAt(),
                    s.sha256(),
                    s.kind().name().toLowerCase(Locale.ROOT));
        }
    }

    /** A stored document as clients see it: never the input JSON's secrets (there are none) nor the PDF bytes. */
    record DocumentView(
            String id,
            String type,
            String status,
            String fileName,
            String sha256,
            String renderedSha256,
            String templateVersion,
            String createdAt,
            String createdBy,
            List<SignOffView> signOffs,
            Optional<String> nextStep,
            Map<String, String> links) {
        static DocumentView of(StoredDocument d) {
            String base = "/api/v1/documents/" + d.id();
            Optional<SignOffStep> done =
                    d.signOffs().stream().map(StoredDocument.SignOff::step).reduce((a, b) -> b);
            return new DocumentView(
                    d.id().toString(),
                    d.type(),
                    d.status(),
                    d.fileName(),
                    d.sha256(),
                    d.renderedSha256(),
                    d.templateVersion(),
                    d.createdAt().toString(),
                    d.createdBy(),
                    d.signOffs().stream().map(SignOffView::of).toList(),
                    SignOffStep.next(done).map(Enum::name),
                    Map.of(
                            "self",
                            base,
                            "pdf",
                            base + "/pdf",
                            "signOffs",
                            base + "/sign-offs",
                            "verification",
                            base + "/verification",
                            "audit",
                            base + "/audit",
                            "verify",
                            "/verify/" + d.id()));
        }
    }
}
