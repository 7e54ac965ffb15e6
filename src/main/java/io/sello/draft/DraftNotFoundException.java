package io.sello.draft;

/** No such draft, or not the caller's: both answer 404, so that ids of other people's drafts do not leak. */
public final class DraftNotFoundException extends RuntimeException {
    public DraftNotFoundException() {
        super("No existe un borrador suyo con ese identificador.");
    }
}
