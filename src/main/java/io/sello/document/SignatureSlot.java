package io.sello.document;

import java.util.Objects;

/**
 * Where a sign-off step's visible signature goes: the FIRMA cell of that step's row in the signature
 * block (Formulario N.5.B: Elaborado / Revisado / Aprobado por), in PDF user space.
 *
 * @param step the sign-off step the cell belongs to, e.g. {@code ELABORADO}
 * @param page counted from 1
 */
public record SignatureSlot(String step, int page, float x, float y, float width, float height) {
    public SignatureSlot {
        Objects.requireNonNull(step, "step");
        if (page < 1 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("signature slot " + step + " has no area");
        }
    }
}
