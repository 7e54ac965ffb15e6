package io.sello.rendering;

/** A render failed for a reason that is not the client's input (a broken template, a missing font). */
public class RenderingException extends RuntimeException {
    public RenderingException(String message, Throwable cause) {
        super(message, cause);
    }

    public RenderingException(String message) {
        super(message);
    }
}
