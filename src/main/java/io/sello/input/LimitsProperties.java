package io.sello.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code sello.limits.*}: what one request may ask of the service, and how many renders run at once.
 * Every limit answers with its own status and a problem detail naming the field (docs/limits.md).
 *
 * @param maxBodySize       a request body larger than this is refused with 413 before it is read
 * @param maxDepth          JSON nesting, 400 beyond it
 * @param maxStringLength   characters of one JSON string, 400 beyond it
 * @param maxNumberLength   characters of one JSON number, 400 beyond it
 * @param maxNumberScale    the largest decimal exponent of a number either way, 400 beyond it
 * @param maxItems          list items of one document, all lists together, 422 beyond it
 * @param renderConcurrency renders that run at the same time; default one per core
 * @param renderQueue       renders that may wait for a free slot; beyond it 429 with Retry-After
 * @param renderTimeout     the longest a client waits for a render, queue included; beyond it 503
 */
@ConfigurationProperties("sello.limits")
public record LimitsProperties(
        DataSize maxBodySize,
        Integer maxDepth,
        Integer maxStringLength,
        Integer maxNumberLength,
        Integer maxNumberScale,
        Integer maxItems,
        Integer renderConcurrency,
        Integer renderQueue,
        Duration renderTimeout) {
    public LimitsProperties {
        JsonLimits defaults = JsonLimits.DEFAULTS;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(16) : maxBodySize;
        maxDepth = atLeastOne("max-depth", maxDepth, defaults.maxDepth());
        maxStringLength = atLeastOne("max-string-length", maxStringLength, defaults.maxStringLength());
        maxNumberLength = atLeastOne("max-number-length", maxNumberLength, defaults.maxNumberLength());
        maxNumberScale = atLeastOne("max-number-scale", maxNumberScale, defaults.maxNumberScale());
        maxItems = atLeastOne("max-items", maxItems, defaults.maxItems());
        renderConcurrency = atLeastOne(
                "render-concurrency", renderConcurrency, Runtime.getRuntime().availableProcessors());
        renderQueue = renderQueue == null ? 2 * renderConcurrency : renderQueue;
        renderTimeout = renderTimeout == null ? Duration.ofSeconds(60) : renderTimeout;
        if (maxBodySize.toBytes() < 1024) {
            throw new IllegalArgumentException("sello.limits.max-body-size must be at least 1KB but is " + maxBodySize);
        }
        if (renderQueue < 0) {
            throw new IllegalArgumentException("sello.limits.render-queue must not be negative but is " + renderQueue);
        }
        if (renderTimeout.isNegative() || renderTimeout.isZero()) {
            throw new IllegalArgumentException("sello.limits.render-timeout must be positive but is " + renderTimeout);
        }
    }

    private static int atLeastOne(String key, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException("sello.limits." + key + " must be at least 1 but is " + value);
        }
        return value;
    }

    public JsonLimits json() {
        return new JsonLimits(maxDepth, maxStringLength, maxNumberLength, maxNumberScale, maxItems);
    }
}
