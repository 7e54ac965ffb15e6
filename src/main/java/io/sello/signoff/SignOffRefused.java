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

    public enum Reason { NOT_FOUND, FORBIDDEN, CONFLICT }
}
