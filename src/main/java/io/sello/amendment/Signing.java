package io.sello.amendment;

import java.time.LocalDate;
import java.util.Objects;

/** Where, when and in how many originals the amendment is signed. */
record Signing(String place, LocalDate date, int copies) {
    public Signing {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(date, "date");
        if (copies < 1 || copies > 10) {
            throw new IllegalArgumentException("copies must be 1 to 10");
        }
    }
}
