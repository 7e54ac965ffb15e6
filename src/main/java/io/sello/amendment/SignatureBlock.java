package io.sello.amendment;

import java.util.Objects;

/** "POR SUIZA" / name / title, one per signing party, in the order they are printed. */
record SignatureBlock(String heading, String name, String title) {
    public SignatureBlock {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(name, "name");
        title = title == null ? "" : title;
    }
}
