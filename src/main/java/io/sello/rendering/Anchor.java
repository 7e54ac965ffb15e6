package io.sello.rendering;

import java.util.Objects;

/**
 * A named rectangle of a rendered page, in PDF user space (points, origin at the bottom left), so that
 * later steps can place something exactly there: a visible signature in its FIRMA cell.
 *
 * @param page counted from 1
 */
public record Anchor(String name, int page, float x, float y, float width, float height) {
    public Anchor {
        Objects.requireNonNull(name, "name");
        if (page < 1 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("anchor " + name + " has no area on a page");
        }
    }
}
