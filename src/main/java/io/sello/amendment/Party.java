package io.sello.amendment;

import java.util.Objects;

/** A party to the agreement and who represents it, as in the title block. */
record Party(String name, String representedBy) {
    public Party {
        Objects.requireNonNull(name, "name");
        representedBy = representedBy == null ? "" : representedBy;
    }
}
