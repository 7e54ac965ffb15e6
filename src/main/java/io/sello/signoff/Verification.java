package io.sello.signoff;

import io.sello.signing.PdfVerifier;
import io.sello.signing.VerificationReport;
import io.sello.storage.DocumentId;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.StoredDocument;

import java.util.Optional;

/** Verifies a PDF's signatures and tells whether its bytes are the registry's, auditing every check. */
public final class Verification {
    private final DocumentRegistry registry;
    private final PdfVerifier verifier;

    public Verification(DocumentRegistry registry) {
        this(registry, io.sello.signing.PdfLimits.DEFAULTS);
    }

    /** Uploads are checked against {@code limits} before they are parsed (issue 14). */
    public Verification(DocumentRegistry registry, io.sello.signing.PdfLimits limits) {
        this.registry = registry;
        this.verifier = new PdfVerifier(limits);
    }

    /** An uploaded file: found in the registry by its hash, if it is there at all. */
    public Result verifyUpload(byte[] pdf, Actor actor) {
        VerificationReport report = verifier.verify(pdf);
        Optional<DocumentId> known = registry.findBySha256(report.sha256());
        Optional<StoredDocument> document = known.flatMap(registry::find);
        boolean current = document.map(d -> d.sha256().equals(report.sha256())).orElse(false);
        registry.audit(known.orElse(null), actor.username(), "verify", report.intact() ? "ok" : "refused",
                "uploaded file sha256 " + report.sha256() + ": " + summary(report) + (known.isPresent()
                        ? (current ? "; it is the registry's current version" : "; it is an earlier version in the registry")
                        : "; not in the registry"));
        return new Result(report, known.map(DocumentId::toString).orElse(null), known.isPresent(), current,
                document.map(StoredDocument::status).orElse(null));
    }

    /** The stored document's current file, compared with the hash the registry recorded for it. */
    public Result verifyStored(DocumentId id, Actor actor) {
        StoredDocument document = registry.find(id)
                .orElseThrow(() -> new SignOffRefused(SignOffRefused.Reason.NOT_FOUND, "no stored document " + id));
        byte[] pdf = registry.pdf(id);
        VerificationReport report = verifier.verify(pdf);
        boolean matches = report.sha256().equals(document.sha256());
        registry.audit(id, actor.username(), "verify", matches ? "ok" : "refused", "stored file: " + summary(report)
                + (matches ? "; hash matches the registry" : "; HASH DOES NOT MATCH THE REGISTRY"));
        return new Result(report, id.toString(), true, matches, document.status());
    }

    private static String summary(VerificationReport report) {
        long valid = report.signatures().stream().filter(s -> s.valid()).count();
        return valid + " of " + report.signatures().size() + " signature(s) valid"
                + (report.changedAfterLastSignature() ? ", changed after signing" : "");
    }

    /**
     * @param registered  the file (or an earlier version of it) is in the registry
     * @param matchesRegistry the file is the registry's current version of that document
     */
    public record Result(VerificationReport report, String documentId, boolean registered, boolean matchesRegistry,
                         String status) {
    }
}
