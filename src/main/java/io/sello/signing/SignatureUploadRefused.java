package io.sello.signing;

/**
 * A sign-off uploaded from the official's own software that cannot be accepted (issue 16 §1); nothing is stored.
 * The fault is a stable code for clients ({@code /problems/sign-off-upload-refused}, property {@code fault}).
 */
public final class SignatureUploadRefused extends RuntimeException {
    private final Fault fault;

    public SignatureUploadRefused(Fault fault, String message) {
        super(message);
        this.fault = fault;
    }

    public Fault fault() {
        return fault;
    }

    public enum Fault {
        /** The file is not the registry's current one with something appended. */
        NOT_THIS_DOCUMENT,
        /** Not exactly one revision was appended. */
        REVISIONS,
        NO_SIGNATURE,
        /** The signature is in another step's field. */
        WRONG_FIELD,
        SIGNATURE_INVALID,
        /** Bytes follow the new signature. */
        NOT_COVERING,
        /** The revision changes more than the signature field (content, annotations, pages). */
        OTHER_CHANGES,
        /** The certificate is not the one registered for the person signing. */
        NOT_YOUR_CERTIFICATE,
        /** The certificate had expired, or was not yet valid, when the upload arrived. */
        CERTIFICATE_EXPIRED,
        /** The certificate was revoked (EU DSS found it on a CRL or in an OCSP answer). */
        CERTIFICATE_REVOKED,
        /** The certificate names the person but reaches no trusted root (issue 16 §1: only a trusted chain counts). */
        UNTRUSTED_CERTIFICATE,
        /** The signature carries a time-stamp whose authority is not trusted, or which does not verify. */
        UNTRUSTED_TIMESTAMP
    }
}
