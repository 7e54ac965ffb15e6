package io.sello.form;

/** The three sign-offs of the "RESPONSABLES DE LA INFORMACION" block, in the order they happen. */
enum SignatoryRole {
    ELABORADO("Elaborado por:"),
    REVISADO("Revisado por:"),
    APROBADO("Aprobado por:");

    private final String label;

    SignatoryRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
