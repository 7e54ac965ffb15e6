package io.sello.signing;

import java.util.List;

/**
 * What a PDF's signatures prove.
 *
 * @param sha256                     of the file as received
 * @param revisions                  incremental revisions in the file (1 = never updated)
 * @param changedAfterLastSignature  an update was appended that is not a signature, after a signature
 * @param findings                   each problem, in words
 */
public record VerificationReport(String sha256, int revisions, List<SignatureCheck> signatures,
                                 boolean changedAfterLastSignature, List<String> findings) {
    public VerificationReport {
        signatures = List.copyOf(signatures);
        findings = List.copyOf(findings);
    }

    /**
     * Signed, every signature's bytes intact, nothing appended after them: nobody changed the file. Says nothing
     * about who signed it (see {@link #allValid()}).
     */
    public boolean intact() {
        return !signatures.isEmpty() && signatures.stream().allMatch(SignatureCheck::intact) && !changedAfterLastSignature;
    }

    /** Intact, and every signature rated VALID by EU DSS (trusted chain, in force, not revoked). */
    public boolean allValid() {
        return intact() && signatures.stream().allMatch(SignatureCheck::valid);
    }
}
