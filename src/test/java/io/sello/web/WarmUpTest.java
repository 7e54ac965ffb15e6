package io.sello.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, point 1: ready means warm. The warm-up is on here (the rest of the suite turns it off), with two
 * renders per type. While it runs, the service already answers HTTP: a listener on each warm-up render asks the
 * probes over HTTP, as Kubernetes would, and must see readiness 503 OUT_OF_SERVICE and liveness 200 UP; once
 * the context is up, readiness is 200 UP. Every type rendered its example exactly twice (the amendment once, by
 * its own sello.warm-up.type-renders), and the warm-up left nothing a user would read as traffic: no document,
 * audit entry, draft or render metric.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sello.warm-up.enabled=true",
            "sello.warm-up.renders=2",
            "sello.warm-up.type-renders.agreement-amendment=1"
        })
@Import(WarmUpTest.ProbeDuringWarmUp.class)
@SlowTest
class WarmUpTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    WarmUp warmUp;

    @Autowired
    DocumentTypes types;

    @Autowired
    ProbeDuringWarmUp probe;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    /** Records each warm-up render, and on the first one of each type what the probes answered at that moment. */
    @TestConfiguration
    static class ProbeDuringWarmUp {
        final Map<String, AtomicInteger> rendered = new ConcurrentHashMap<>();
        final List<String> readinessDuringWarmUp = new CopyOnWriteArrayList<>();
        final List<String> livenessDuringWarmUp = new CopyOnWriteArrayList<>();
        private final Environment environment;

        ProbeDuringWarmUp(Environment environment) {
            this.environment = environment;
        }

        @EventListener
        void rendered(WarmUp.Rendered render) throws Exception {
            rendered.computeIfAbsent(render.type(), type -> new AtomicInteger()).incrementAndGet();
            if (render.round() == 1) {
                int port = environment.getRequiredProperty("local.server.port", Integer.class);
                readinessDuringWarmUp.add(status(port, "/actuator/health/readiness"));
                livenessDuringWarmUp.add(status(port, "/actuator/health/liveness"));
            }
        }
    }

    private static String status(int port, String path) throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    @Test
    void readinessIsOutOfServiceUntilEveryTypeRenderedItsExampleAndLeftNoTraceBehind() {
        List<String> ids =
                types.all().stream().map(DocumentType::id).map(id -> id.value()).toList();
        assertThat(ids)
                .containsExactlyInAnyOrder(
                        "poa-execution-form", "agreement-amendment", "operational-plan", "budget-summary");

        // while warming: the server answers, alive but not ready (one look per type, at its first render)
        assertThat(probe.readinessDuringWarmUp)
                .hasSize(ids.size())
                .allSatisfy(answer -> assertThat(answer).startsWith("503").contains("OUT_OF_SERVICE"));
        assertThat(probe.livenessDuringWarmUp)
                .hasSize(ids.size())
                .allSatisfy(answer -> assertThat(answer).startsWith("200").contains("\"UP\""));

        // after the warm-up: ready
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(status(port, "/actuator/health/readiness"))
                        .startsWith("200")
                        .contains("\"UP\""));

        // each type rendered its own example exactly sello.warm-up.renders times, all successfully, except the
        // amendment, which has its own number (sello.warm-up.type-renders)
        for (String id : ids) {
            int expected = id.equals("agreement-amendment") ? 1 : 2;
            assertThat(warmUp.renders(id)).as(id).isEqualTo(expected);
            assertThat(probe.rendered.get(id)).as(id).hasValue(expected);
        }

        // no trace a user would take for traffic
        for (String table : List.of("documents", "sign_offs", "audit_events", "audit_daily_counts", "drafts")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table)
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(meters.find("sello.render").meters()).isEmpty();
        assertThat(meters.find("http.server.requests").meters())
                .noneSatisfy(meter -> assertThat(meter.getId().getTag("uri")).startsWith("/api/"));
    }

    @Test
    void theNumberOfRendersIsCheckedAtStartUp() {
        // the test JVM has no AOT cache: the default without method profiles
        assertThat(new WarmUpProperties(null, null, null))
                .isEqualTo(new WarmUpProperties(true, WarmUpProperties.DEFAULT_RENDERS, Map.of()));
        assertThat(WarmUpProperties.defaultRenders(25, List.of("-Xmx1g", "-XX:AOTCache=/srv/sello/sello.aot")))
                .isEqualTo(WarmUpProperties.RENDERS_WITH_PROFILES)
                .isLessThan(WarmUpProperties.DEFAULT_RENDERS);
        // a JDK 24 cache has no profiles; a CDS archive has none either
        assertThat(WarmUpProperties.defaultRenders(24, List.of("-XX:AOTCache=/srv/sello/sello.aot")))
                .isEqualTo(WarmUpProperties.DEFAULT_RENDERS);
        assertThat(WarmUpProperties.defaultRenders(25, List.of("-XX:SharedArchiveFile=/srv/sello/sello.jsa")))
                .isEqualTo(WarmUpProperties.DEFAULT_RENDERS);
        assertThatThrownBy(() -> new WarmUpProperties(true, 0, null))
                .hasMessageContaining("sello.warm-up.renders")
                .hasMessageContaining("sello.warm-up.enabled=false");
        assertThatThrownBy(() -> new WarmUpProperties(true, WarmUpProperties.MAX_RENDERS + 1, null))
                .hasMessageContaining("between 1 and " + WarmUpProperties.MAX_RENDERS);
        WarmUpProperties fewer = new WarmUpProperties(true, 8, Map.of("agreement-amendment", 2));
        assertThat(fewer.rendersOf("agreement-amendment")).isEqualTo(2);
        assertThat(fewer.rendersOf("poa-execution-form")).isEqualTo(8);
        assertThatThrownBy(() -> new WarmUpProperties(true, 8, Map.of("agreement-amendment", 0)))
                .hasMessageContaining("sello.warm-up.type-renders.agreement-amendment");
    }
}
