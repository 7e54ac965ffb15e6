package io.sello.signoff;

/**
 * A sign-off that cannot be done; {@link Reason} says which HTTP status tells the client. A missing document or
 * batch is {@link DocumentNotFoundException} or {@code BatchNotFoundException}, not a refusal.
 */
public class SignOffRefused extends RuntimeException {
    private final Reason reason;

    public SignOffRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * {@code SEPARATION_OF_DUTIES}: a conflict too (409), but one that names its rule, since reloading the page
     * does not help: another person must sign (issue 16).
     */
    public enum Reason {
        FORBIDDEN,
        CONFLICT,
        SEPARATION_OF_DUTIES
    }
}
