package io.sello.batch;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;

/**
 * A batch as {@code batch-request.schema.json} gives it, bound after the schema accepted it. Each item's document stays
 * a tree: it is checked against its own type's contract when it renders, so one bad document fails alone.
 */
record BatchRequest(String type, Boolean lenient, String webhook, List<Item> items) {
    BatchRequest {
        type = Objects.requireNonNull(type, "type").strip();
        lenient = lenient != null && lenient;
        webhook = webhook == null ? null : webhook.strip();
        items = List.copyOf(items);
    }

    /** @param name as the client named it, or {@code null}: the results archive then numbers it */
    record Item(String name, JsonNode document) {
        Item {
            name = name == null ? null : name.strip();
            Objects.requireNonNull(document, "document");
        }
    }
}
