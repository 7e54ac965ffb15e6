package io.sello.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sello.document.OutputFormat;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * {@code sello.render} (Prometheus: {@code sello_render_seconds_*}): how many renders and how long,
 * per document type, format and outcome ({@code ok}, {@code refused}). Only known type ids become
 * tags, so a client cannot blow up the number of series with made-up names.
 */
@Component
class RenderMetrics {
    private final MeterRegistry registry;

    RenderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void render(String type, OutputFormat format, String outcome, long nanos) {
        Timer.builder("sello.render")
                .description("Documents rendered, by type, format and outcome")
                .tag("type", type)
                .tag("format", format.extension())
                .tag("outcome", outcome)
                .publishPercentileHistogram(false)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
