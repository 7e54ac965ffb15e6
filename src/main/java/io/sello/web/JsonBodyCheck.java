package io.sello.web;

import io.sello.input.JsonLimits;
import io.sello.input.LimitsProperties;
import io.sello.input.StrictJson;
import org.springframework.stereotype.Component;

import java.util.regex.Pattern;

/** Every JSON body a controller accepts passes here first, against the configured {@code sello.limits.*}. */
@Component
class JsonBodyCheck {
    private final JsonLimits limits;

    JsonBodyCheck(LimitsProperties limits) {
        this.limits = limits.json();
    }

    /** Where each document of a batch starts: the list-item limit counts per document, not per request. */
    private static final Pattern BATCH_DOCUMENTS = Pattern.compile("/items/\\d+/document");

    byte[] check(byte[] body) {
        StrictJson.checkLimits(body, limits);
        return body;
    }

    byte[] checkBatch(byte[] body) {
        StrictJson.checkLimits(body, limits, BATCH_DOCUMENTS);
        return body;
    }
}
