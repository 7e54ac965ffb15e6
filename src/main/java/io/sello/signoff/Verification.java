package io.sello.signoff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sello.signing.PdfVerifier;
import io.sello.signing.VerificationReport;
import io.sello.storage.DocumentId;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.StoredDocument;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Verifies a PDF's signatures and tells whether its bytes are the registry's, and keeps count.
 *
 * <p>Issue 14, point 4: the audit cannot be grown by callers without an account. A verification by
 * a signed-in user or an API key writes its audit row, as before (who verified what is worth keeping,
 * and those callers are known and throttled). An anonymous one (the public upload, the QR code's
 * page) writes none: it raises today's row of {@code audit_daily_counts} for its action and result,
 * and the {@code sello.verifications} counter (tags {@code source}, {@code result}, {@code caller}),
 * which counts every verification.
 */
public final class Verification {
    static final String UPLOAD = "verify-upload";
    static final String STORED = "verify-stored";
    private final DocumentRegistry registry;
    private final PdfVerifier verifier;
    private final MeterRegistry meters;

    /** Uploads are checked against {@code limits} before they are parsed (issue 14, point 1). */
    public Verification(DocumentRegistry registry, MeterRegistry meters, io.sello.signing.PdfLimits limits) {
        this.registry = registry;
        this.meters = meters;
        this.verifier = new PdfVerifier(limits);
    }

    /** An uploaded file: found in the registry by its hash, if it is there at all. */
    public Result verifyUpload(byte[] pdf, Actor actor) {
        VerificationReport report = verifier.verify(pdf);
        Optional<DocumentId> known = registry.findBySha256(report.sha256());
        Optional<StoredDocument> document = known.flatMap(registry::find);
        boolean current = document.map(d -> d.sha256().equals(report.sha256())).orElse(false);
        record(actor, UPLOAD, known.orElse(null), report.intact() ? "ok" : "refused",
                () -> "uploaded file sha256 " + report.sha256() + ": " + summary(report) + (known.isPresent()
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
        record(actor, STORED, id, matches ? "ok" : "refused", () -> "stored file: " + summary(report)
                + (matches ? "; hash matches the registry" : "; HASH DOES NOT MATCH THE REGISTRY"));
        return new Result(report, id.toString(), true, matches, document.status());
    }

    /** An audit row for a known caller; a daily count for an anonymous one. Both are counted in the metric. */
    private void record(Actor actor, String source, DocumentId document, String result, Supplier<String> detail) {
        boolean anonymous = Actor.ANONYMOUS.equals(actor);
        Counter.builder("sello.verifications").description("PDF verifications, by source, result and caller")
                .tag("source", source.equals(UPLOAD) ? "upload" : "stored").tag("result", result)
                .tag("caller", anonymous ? "anonymous" : "authenticated")
                .register(meters).increment();
        if (anonymous) {
            registry.countDaily(source, result);
        } else {
            registry.audit(document, actor.username(), "verify", result, detail.get());
        }
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
