package io.sello.storage;

import java.util.Objects;
import java.util.UUID;

/** The id of a draft: a random UUID, so that one person's drafts cannot be guessed from another's. */
public record DraftId(UUID value) {
    public DraftId {
        Objects.requireNonNull(value, "value");
    }

    public static DraftId random() {
        return new DraftId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when {@code text} is not a UUID */
    public static DraftId parse(String text) {
        return new DraftId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
