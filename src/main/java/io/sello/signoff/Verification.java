package io.sello.signoff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sello.document.Hashes;
import io.sello.signing.PdfLimits;
import io.sello.signing.PdfRefusedException;
import io.sello.signing.PdfVerifier;
import io.sello.signing.VerificationReport;
import io.sello.storage.DocumentId;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.SignOffKind;
import io.sello.storage.SignOffStep;
import io.sello.storage.StoredDocument;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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

    /** Uploads are checked against {@code limits} before they are parsed (issue 14, point 1). No trust anchors. */
    public Verification(DocumentRegistry registry, MeterRegistry meters, PdfLimits limits) {
        this(registry, meters, new PdfVerifier(limits));
    }

    /** @param verifier with the deployment's trust anchors (sello.signing.trust.*, issue 16 point 2) */
    public Verification(DocumentRegistry registry, MeterRegistry meters, PdfVerifier verifier) {
        this.registry = registry;
        this.meters = meters;
        this.verifier = verifier;
    }

    /** An uploaded file: found in the registry by its hash, if it is there at all. */
    public Result verifyUpload(byte[] pdf, Actor actor) {
        VerificationReport report = verifier.verify(pdf);
        Optional<DocumentId> known = registry.findBySha256(report.sha256());
        Optional<StoredDocument> document = known.flatMap(registry::find);
        boolean current = document.map(d -> d.sha256().equals(report.sha256())).orElse(false);
        record(
                actor,
                UPLOAD,
                known.orElse(null),
                report.intact() ? "ok" : "refused",
                () -> "uploaded file sha256 " + report.sha256() + ": " + summary(report)
                        + (known.isPresent()
                                ? (current
                                        ? "; it is the registry's current version"
                                        : "; it is an earlier version in the registry")
                                : "; not in the registry"));
        return new Result(
                report,
                known.map(DocumentId::toString).orElse(null),
                known.isPresent(),
                current,
                document.map(StoredDocument::status).orElse(null),
                document.map(Verification::signOffs).orElse(List.of()));
    }

    /** The stored document's current file, compared with the hash the registry recorded for it. */
    public Result verifyStored(DocumentId id, Actor actor) {
        StoredDocument document =
                registry.find(id).orElseThrow(() -> new DocumentNotFoundException("no stored document " + id));
        byte[] pdf = registry.pdf(id);
        VerificationReport report = verifier.verify(pdf);
        boolean matches = report.sha256().equals(document.sha256());
        record(
                actor,
                STORED,
                id,
                matches ? "ok" : "refused",
                () -> "stored file: " + summary(report)
                        + (matches ? "; hash matches the registry" : "; HASH DOES NOT MATCH THE REGISTRY"));
        return new Result(report, id.toString(), true, matches, document.status(), signOffs(document));
    }

    /**
     * A file someone holds, checked against one stored document (the upload box of its verification page,
     * issue 15, point 5). The registry keeps the hash of every version of the document: the rendered file
     * ({@code rendered_sha256}), the file after each sign-off ({@code sign_offs.sha256}) and the current one.
     * Equal to the current one: the same file. Equal to an earlier one: that version, and the sign-offs added
     * since. Anything else is a different file; its signatures are still verified (a PDF that does not parse,
     * or is over a limit, is reported as such rather than refused, since the question was only "is it this one").
     */
    public Check check(DocumentId id, byte[] file, Actor actor) {
        StoredDocument document =
                registry.find(id).orElseThrow(() -> new DocumentNotFoundException("no stored document " + id));
        String sha256 = Hashes.sha256(file);
        VerificationReport report = null;
        String unreadable = null;
        try {
            report = verifier.verify(file);
        } catch (PdfRefusedException refused) {
            unreadable = refused.overLimit() ? "over-limit" : "unreadable";
        }
        List<StoredDocument.SignOff> signOffs = document.signOffs();
        Match match = Match.DIFFERENT;
        SignOffStep version = null;
        if (sha256.equals(document.sha256())) {
            match = Match.SAME;
            version = signOffs.isEmpty()
                    ? null
                    : signOffs.get(signOffs.size() - 1).step();
        } else if (sha256.equals(document.renderedSha256())) {
            match = Match.EARLIER; // the engine's output, before the QR stamp and any signature
        } else {
            for (StoredDocument.SignOff signOff : signOffs) {
                if (sha256.equals(signOff.sha256())) {
                    match = Match.EARLIER;
                    version = signOff.step();
                }
            }
            if (match == Match.DIFFERENT && report != null && isEarlierRevision(registry.pdf(id), file)) {
                // The file as stored before its first signature has no hash of its own in the registry (sign_offs
                // keeps the file after each step; documents.sha256 moves on). Every sign-off is an incremental
                // update, which appends to the file and never rewrites it, so each earlier version is a prefix
                // of the current file that ends where a revision ends: its own signatures say which one it is.
                match = Match.EARLIER;
                version = report.signatures().stream()
                        .map(s -> step(s.step()))
                        .filter(Objects::nonNull)
                        .reduce((a, b) -> b)
                        .orElse(null);
            }
        }
        SignOffStep at = version;
        List<SignOffStep> since = match != Match.EARLIER
                ? List.of()
                : signOffs.stream()
                        .map(StoredDocument.SignOff::step)
                        .filter(s -> at == null || s.ordinal() > at.ordinal())
                        .toList();
        String other = match == Match.DIFFERENT
                ? registry.findBySha256(sha256)
                        .map(DocumentId::toString)
                        .filter(o -> !o.equals(id.toString()))
                        .orElse(null)
                : null;
        Match found = match;
        record(
                actor,
                UPLOAD,
                id,
                match == Match.DIFFERENT ? "refused" : "ok",
                () -> "file checked against " + id
                        + ", sha256 " + sha256 + ": " + found.name().toLowerCase(Locale.ROOT)
                        + (found == Match.EARLIER
                                ? " (" + (at == null ? "before any sign-off" : "after " + at) + ")"
                                : ""));
        return new Check(match, sha256, version, since, other, report, unreadable);
    }

    /** {@code file} is the start of {@code current} and ends where a PDF revision ends ({@code %%EOF}). */
    static boolean isEarlierRevision(byte[] current, byte[] file) {
        if (file.length == 0
                || file.length >= current.length
                || !Arrays.equals(current, 0, file.length, file, 0, file.length)) {
            return false;
        }
        int end = file.length;
        while (end > 0 && (file[end - 1] == '\n' || file[end - 1] == '\r' || file[end - 1] == ' ')) {
            end--;
        }
        byte[] eof = "%%EOF".getBytes(StandardCharsets.US_ASCII);
        return end >= eof.length && Arrays.equals(file, end - eof.length, end, eof, 0, eof.length);
    }

    private static SignOffStep step(String name) {
        try {
            return name == null ? null : SignOffStep.valueOf(name);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    /** How a file someone holds relates to one stored document. */
    public enum Match {
        SAME,
        EARLIER,
        DIFFERENT
    }

    /**
     * @param version     the last sign-off the file carries (SAME, EARLIER), {@code null} before the first one
     * @param signedSince the sign-offs the registry's version has beyond the file (EARLIER)
     * @param otherDocumentId the file is another stored document (DIFFERENT), or {@code null}
     * @param report      its signatures, or {@code null} when it could not be read as a PDF
     * @param unreadable  {@code over-limit} or {@code unreadable} when there is no report
     */
    public record Check(
            Match match,
            String sha256,
            SignOffStep version,
            List<SignOffStep> signedSince,
            String otherDocumentId,
            VerificationReport report,
            String unreadable) {
        public Check {
            Objects.requireNonNull(match, "match");
            signedSince = List.copyOf(signedSince);
            if ((report == null) == (unreadable == null)) {
                throw new IllegalArgumentException("a check has either a report or the reason it has none");
            }
        }
    }

    /** An audit row for a known caller; a daily count for an anonymous one. Both are counted in the metric. */
    private void record(Actor actor, String source, DocumentId document, String result, Supplier<String> detail) {
        boolean anonymous = Actor.ANONYMOUS.equals(actor);
        Counter.builder("sello.verifications")
                .description("PDF verifications, by source, result and caller")
                .tag("source", source.equals(UPLOAD) ? "upload" : "stored")
                .tag("result", result)
                .tag("caller", anonymous ? "anonymous" : "authenticated")
                .register(meters)
                .increment();
        if (anonymous) {
            registry.countDaily(source, result);
        } else {
            registry.audit(document, actor.username(), "verify", result, detail.get());
        }
    }

    private static String summary(VerificationReport report) {
        long valid = report.signatures().stream().filter(s -> s.valid()).count();
        long intact = report.signatures().stream().filter(s -> s.intact()).count();
        return valid + " of " + report.signatures().size() + " signature(s) valid (" + intact + " intact)"
                + (report.changedAfterLastSignature() ? ", changed after signing" : "");
    }

    /**
     * @param registered  the file (or an earlier version of it) is in the registry
     * @param matchesRegistry the file is the registry's current version of that document
     */
    /**
     * @param signOffs the registry's sign-offs of the document, each as a personal signature or the service's seal
     *                 (issue 16 §5; the report's signatures carry the same step); empty for a file not in the registry
     */
    public record Result(
            VerificationReport report,
            String documentId,
            boolean registered,
            boolean matchesRegistry,
            String status,
            List<SignOffKindView> signOffs) {
        public Result {
            signOffs = List.copyOf(signOffs);
        }
    }

    /**
     * One sign-off as the registry recorded it.
     *
     * @param kind PERSONAL (the official's own certificate: a token, their own key or an upload) or SEAL (the
     *             service's key, an electronic seal of the institution)
     */
    public record SignOffKindView(String step, String signer, SignOffKind kind) {}

    private static List<SignOffKindView> signOffs(StoredDocument document) {
        return document.signOffs().stream()
                .map(s -> new SignOffKindView(s.step().name(), s.signer(), s.kind()))
                .toList();
    }
}
