package io.sello.signing;

import java.util.Objects;

/**
 * Who signs a step, as the visible signature shows it.
 *
 * @param step     the sign-off step, e.g. {@code REVISADO}; also the signature field's name
 * @param name     the signer's name
 * @param position the signer's position (cargo)
 */
public record Signer(String step, String name, String position) {
    public Signer {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        if (!step.matches("[A-Z]{1,20}")) {
            throw new IllegalArgumentException("a step is a word in capitals");
        }
    }
}
