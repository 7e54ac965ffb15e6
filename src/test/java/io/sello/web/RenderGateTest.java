package io.sello.web;

import io.sello.input.LimitsProperties;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gate's three answers: run, refuse at once when full, give up after the timeout. No timing is asserted. */
@Timeout(30)
class RenderGateTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        release.countDown();
        clients.shutdownNow();
    }

    private static RenderGate gate(int concurrency, int queue, Duration timeout) {
        return new RenderGate(new LimitsProperties(null, null, null, null, null, null, concurrency, queue, timeout));
    }

    private void occupy(RenderGate gate, int renders) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(renders);
        for (int i = 0; i < renders; i++) {
            clients.submit(() -> gate.run(HeldRender.until(started, release), Duration.ofMinutes(1)));
        }
        started.await();
    }

    @Test
    void runsTheWorkAndPassesItsFailureThrough() {
        RenderGate gate = gate(1, 1, Duration.ofSeconds(10));
        assertThat(gate.run(() -> "pdf")).isEqualTo("pdf");
        assertThatThrownBy(() -> gate.run(() -> {
                    throw new IllegalArgumentException("bad data");
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad data");
    }

    @Test
    void whenEverySlotAndTheQueueAreTakenTheNextIsRefusedAtOnceWithARetryAfter() throws Exception {
        RenderGate gate = gate(2, 0, Duration.ofSeconds(10));
        occupy(gate, 2);
        assertThat(gate.inFlight()).isEqualTo(2);
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> gate.run(() -> ran.getAndSet(true)))
                .isInstanceOfSatisfying(
                        RenderGate.RenderBusyException.class,
                        busy -> assertThat(busy.retryAfterSeconds()).isPositive());
        assertThat(ran).isFalse();
        release.countDown();
        // the held renders give their slots back on their own threads, a moment after the release
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gate.inFlight() == 0);
        assertThat(gate.run(() -> "after")).isEqualTo("after");
    }

    @Test
    void aRenderThatOutlivesTheTimeoutIsAbandonedAndInterrupted() throws Exception {
        RenderGate gate = gate(1, 1, Duration.ofMillis(200));
        CountDownLatch interrupted = new CountDownLatch(1);
        assertThatThrownBy(() -> gate.run(() -> {
                    try {
                        Thread.sleep(
                                60_000); // the slow render under test: it must be interrupted long before this ends
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    return null;
                }))
                .isInstanceOfSatisfying(
                        RenderGate.RenderTimeoutException.class,
                        timeout -> assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(200)));
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void limitsNameTheirPropertyWhenOutOfRange() {
        assertThatThrownBy(() -> gate(0, 1, null))
                .hasMessage("sello.limits.render-concurrency must be at least 1 but is 0");
        assertThatThrownBy(() -> gate(1, -1, null))
                .hasMessage("sello.limits.render-queue must not be negative but is -1");
        assertThatThrownBy(() -> gate(1, 1, Duration.ZERO))
                .hasMessage("sello.limits.render-timeout must be positive but is PT0S");
        assertThatThrownBy(() -> new LimitsProperties(null, 0, null, null, null, null, null, null, null))
                .hasMessage("sello.limits.max-depth must be at least 1 but is 0");
    }
}
