package io.sello.signing;

/** A signature could not be made or read; the message is safe to show a client. */
public class SigningException extends RuntimeException {
    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
