package io.sello.signing;

import java.util.List;

/**
 * What a PDF's signatures prove.
 *
 * @param sha256                     of the file as received
 * @param revisions                  incremental revisions in the file (1 = never updated)
 * @param signatures                 the sign-offs (CMS signatures), oldest first
 * @param timestamps                 the document timestamps (PAdES B-T by extension, B-LTA), oldest first; not sign-offs
 * @param changedAfterLastSignature  an update was appended after a signature that is neither a signature, nor a
 *                                   document timestamp, nor only PAdES validation data (/DSS)
 * @param findings                   each problem, in words
 */
public record VerificationReport(
        String sha256,
        int revisions,
        List<SignatureCheck> signatures,
        List<TimestampCheck> timestamps,
        boolean changedAfterLastSignature,
        List<String> findings) {
    public VerificationReport {
        signatures = List.copyOf(signatures);
        timestamps = List.copyOf(timestamps);
        findings = List.copyOf(findings);
    }

    /** A report without document timestamps (a B-B file, or a summary of some signatures). */
    public VerificationReport(
            String sha256,
            int revisions,
            List<SignatureCheck> signatures,
            boolean changedAfterLastSignature,
            List<String> findings) {
        this(sha256, revisions, signatures, List.of(), changedAfterLastSignature, findings);
    }

    /**
     * Signed, every signature's and every document timestamp's bytes intact, nothing but validation data appended
     * after them: nobody changed the file. Says nothing about who signed it (see {@link #allValid()}).
     */
    public boolean intact() {
        return !signatures.isEmpty()
                && signatures.stream().allMatch(SignatureCheck::intact)
                && timestamps.stream().allMatch(TimestampCheck::intact)
                && !changedAfterLastSignature;
    }

    /** Intact, and every signature rated VALID by EU DSS (trusted chain, in force, not revoked). */
    public boolean allValid() {
        return intact() && signatures.stream().allMatch(SignatureCheck::valid);
    }
}
