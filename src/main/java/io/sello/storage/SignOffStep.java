package io.sello.storage;

import java.util.Optional;

/**
 * The sign-off of Formulario N.5.B and its kin, in the only order allowed: Elaborado por, Revisado
 * por, Aprobado por. Each step is done by a user holding its role.
 */
public enum SignOffStep {
    ELABORADO("PREPARER"),
    REVISADO("REVIEWER"),
    APROBADO("APPROVER");

    private final String role;

    SignOffStep(String role) {
        this.role = role;
    }

    /** The role (without the ROLE_ prefix) a user must hold to sign this step. */
    public String role() {
        return role;
    }

    /** The step after {@code done}, or the first when nothing is signed; empty when all are done. */
    public static Optional<SignOffStep> next(Optional<SignOffStep> done) {
        int index = done.map(step -> step.ordinal() + 1).orElse(0);
        return index < values().length ? Optional.of(values()[index]) : Optional.empty();
    }
}
