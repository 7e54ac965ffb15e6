package io.sello.signing;

/**
 * The ETSI EN 319 102-1 indication of one signature, as EU DSS gives it: only {@link #VALID} (DSS's
 * TOTAL_PASSED) may ever be shown to anyone as a valid signature.
 */
public enum Verdict {
    /** TOTAL_PASSED: intact, and the chain reaches a trusted root, in force and not revoked at the signing time. */
    VALID("Válida"),
    /** INDETERMINATE: the maths may hold, but trust cannot be established (untrusted chain, no revocation data…). */
    INDETERMINATE("No concluyente"),
    /** TOTAL_FAILED: the signature is broken, or its certificate was revoked or expired before it signed. */
    INVALID("No válida");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The badge text on the verification page. */
    public String label() {
        return label;
    }
}
