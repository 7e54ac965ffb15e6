package io.sello.signoff;

/** A registry request that cannot be done; {@link Reason} says which HTTP status tells the client. */
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
    public enum Reason { NOT_FOUND, FORBIDDEN, CONFLICT, SEPARATION_OF_DUTIES }
}
