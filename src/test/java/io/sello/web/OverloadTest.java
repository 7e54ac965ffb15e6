package io.sello.web;

import io.sello.document.DocumentTypes;
import io.sello.document.RenderOptions;
import io.sello.support.Fixtures;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bounded renders over HTTP: one render slot, one waiting place, a 2 s timeout. The slot and the
 * queue are held by renders that wait on a latch, so which answer comes is certain, not a race.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sello.limits.render-concurrency=1",
            "sello.limits.render-queue=1",
            "sello.limits.render-timeout=2s"
        })
@Timeout(60)
@SlowTest
class OverloadTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService holders = Executors.newCachedThreadPool();

    @LocalServerPort
    int port;

    @Autowired
    RenderGate gate;

    @Autowired
    DocumentTypes types;

    /**
     * A first render outside the gate, so that the renders the tests send through it are warm: on a busy
     * machine a cold first render can take longer than the 2 s timeout, and "renders again once drained"
     * would then fail for a reason that has nothing to do with draining.
     */
    @BeforeEach
    void warmUp() {
        types.find("poa-execution-form")
                .orElseThrow()
                .render(Fixtures.utf8(Fixtures.smallForm()), RenderOptions.STRICT);
    }

    @AfterEach
    void releaseTheSlots() throws InterruptedException {
        release.countDown();
        holders.shutdown();
        holders.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Fills the one slot, waits until that render is running, then fills the queue: submitted together, the
     * second could find the first still in the queue (the worker not yet there) and be refused itself.
     */
    private void hold(int renders) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        submitHolder(running);
        running.await();
        for (int i = 1; i < renders; i++) {
            submitHolder(new CountDownLatch(1));
        }
        await().pollInterval(Duration.ofMillis(10)).until(() -> gate.inFlight() >= renders);
    }

    private void submitHolder(CountDownLatch started) {
        holders.submit(() -> gate.run(HeldRender.until(started, release), Duration.ofMinutes(1)));
    }

    private HttpResponse<byte[]> render() throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents/poa-execution-form"))
                        .header("X-Api-Key", "dev-api-key-not-for-production")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Fixtures.smallForm()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aFullQueueAnswers429WithRetryAfterAndTheServiceRendersAgainOnceItDrains() throws Exception {
        hold(2);
        HttpResponse<byte[]> busy = render();
        assertThat(busy.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(busy.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        JsonNode problem = JSON.readTree(busy.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("/problems/busy");
        assertThat(problem.get("detail").stringValue()).contains("Retry-After");
        release.countDown();
        await().pollInterval(Duration.ofMillis(10)).until(() -> gate.inFlight() == 0);
        assertThat(render().statusCode()).isEqualTo(200);
    }

    @Test
    void aRenderThatWaitsLongerThanTheTimeoutAnswers503() throws Exception {
        hold(1);
        HttpResponse<byte[]> late = render();
        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = JSON.readTree(late.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("/problems/render-timeout");
        assertThat(problem.get("detail").stringValue()).contains("2000 ms");
    }
}
