package io.sello.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A document being prepared: the data typed so far (a JSON object, not necessarily valid), owned by
 * the person who saved it first.
 *
 * @param data    the JSON object as text, numbers as they were sent (money never passes through double)
 * @param version 1 when created, raised by every save: a save that names an older one is refused
 */
public record Draft(
        DraftId id,
        String type,
        String owner,
        String title,
        String data,
        int version,
        Instant createdAt,
        Instant updatedAt) {
    /** The {@code drafts.title} column's width. */
    public static final int TITLE_MAX = 200;

    public Draft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(data, "data");
        if (title.length() > TITLE_MAX) {
            throw new IllegalArgumentException("a draft title has at most " + TITLE_MAX + " characters");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a draft version starts at 1 but is " + version);
        }
    }
}
