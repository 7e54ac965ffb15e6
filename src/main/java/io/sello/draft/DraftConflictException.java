package io.sello.draft;

import io.sello.storage.Draft;

import java.util.Objects;

/**
 * A save named a version that is no longer the stored one: another tab or person saved in between.
 * It carries the stored draft so that the page can keep both versions (issue 15, point 3).
 */
public final class DraftConflictException extends RuntimeException {
    private final transient Draft current;

    public DraftConflictException(Draft current, int expected) {
        super("Otra pestaña o persona guardó este borrador después de que usted lo abrió (usted abrió la versión "
                + expected + "; la guardada es la " + current.version() + "). Sus cambios no se guardaron sobre los"
                + " otros: puede guardarlos como copia, o abrir la versión guardada.");
        this.current = Objects.requireNonNull(current, "current");
    }

    public Draft current() {
        return current;
    }
}
