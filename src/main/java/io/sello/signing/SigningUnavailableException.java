package io.sello.signing;

/**
 * A sign-off could not be completed at the deployment's level because something outside the service did not answer:
 * the time-stamp authority, a revocation responder, or the signer's token (issue 16 §3). The answer is 503 with
 * {@code Retry-After}; nothing is stored, and the signature is never silently made at a lower level instead.
 */
public final class SigningUnavailableException extends SigningException {
    private final int retryAfterSeconds;

    public SigningUnavailableException(String message, int retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public SigningUnavailableException(String message, int retryAfterSeconds) {
        this(message, retryAfterSeconds, null);
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
