package io.sello.budget;

import java.util.Objects;

/**
 * Who answers for a budget summary in one sign-off step: the same three steps, labels and NOMBRE / CARGO
 * columns as the "RESPONSABLES DE LA INFORMACION" block of Formulario N.5.B, so that a budget summary is
 * signed off in the registry like the form.
 *
 * @param name     printed under NOMBRE; empty when not given
 * @param position printed under CARGO; empty when not given
 */
record Signatory(Role role, String name, String position) {
    public Signatory {
        Objects.requireNonNull(role, "role");
        name = name == null ? "" : name;
        position = position == null ? "" : position;
    }

    /** The sign-off steps in the order they happen; the names are the registry's step names. */
    public enum Role {
        ELABORADO("Elaborado por:"),
        REVISADO("Revisado por:"),
        APROBADO("Aprobado por:");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
