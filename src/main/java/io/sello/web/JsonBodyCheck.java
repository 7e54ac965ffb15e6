package io.sello.web;

import io.sello.input.JsonLimits;
import io.sello.input.StrictJson;
import org.springframework.stereotype.Component;

/** Every JSON body a controller accepts passes here first, against the configured {@code sello.limits.*}. */
@Component
class JsonBodyCheck {
    private final JsonLimits limits;

    JsonBodyCheck(LimitsProperties limits) {
        this.limits = limits.json();
    }

    byte[] check(byte[] body) {
        StrictJson.checkLimits(body, limits);
        return body;
    }
}
