package io.sello.web;

import io.sello.input.LimitsProperties;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Renders run here, at most {@code sello.limits.render-concurrency} at a time, with at most
 * {@code render-queue} waiting. Rendering is CPU-bound: more renders than cores only make every one
 * slower and the heap larger, so a full queue answers 429 at once, with a Retry-After drawn from how
 * long renders take, instead of letting requests pile up until everything times out.
 */
@Component
class RenderGate implements DisposableBean {
    private final ThreadPoolExecutor executor;
    private final Duration timeout;
    private final int concurrency;
    /** Exponential moving average of render time, for Retry-After; starts at a typical form (about 100 ms). */
    private final AtomicLong averageNanos = new AtomicLong(TimeUnit.MILLISECONDS.toNanos(100));

    RenderGate(LimitsProperties limits) {
        this.concurrency = limits.renderConcurrency();
        this.timeout = limits.renderTimeout();
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                concurrency,
                concurrency,
                0,
                TimeUnit.MILLISECONDS,
                // SynchronousQueue when no waiting is allowed: ArrayBlockingQueue needs a capacity of at least 1.
                limits.renderQueue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(limits.renderQueue()),
                work -> {
                    Thread thread = new Thread(work, "render-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs {@code work} on a render thread and waits for it.
     *
     * @throws RenderBusyException    at once, when every slot and the queue are taken
     * @throws RenderTimeoutException when the work, queue time included, takes longer than the timeout;
     *                                it is interrupted, and keeps its slot until it stops
     */
    public <T> T run(Supplier<T> work) {
        return run(work, timeout);
    }

    /** {@link #run(Supplier)} with its own timeout; tests hold slots with it without the gate's deadline freeing them. */
    <T> T run(Supplier<T> work, Duration timeout) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        Future<T> future;
        try {
            future = executor.submit(() -> {
                if (logContext != null) {
                    MDC.setContextMap(logContext);
                }
                long start = System.nanoTime();
                try {
                    return work.get();
                } finally {
                    record(System.nanoTime() - start);
                    MDC.clear();
                }
            });
        } catch (RejectedExecutionException full) {
            throw new RenderBusyException(retryAfterSeconds());
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new RenderTimeoutException(timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RenderTimeoutException(timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Renders running plus waiting: the {@code sello.render.inflight} gauge. */
    public int inFlight() {
        return executor.getActiveCount() + executor.getQueue().size();
    }

    /** Time for everything ahead to clear the slots, rounded up to whole seconds, at least 1. */
    long retryAfterSeconds() {
        long ahead = inFlight();
        long nanos = averageNanos.get() * Math.max(ahead, 1) / concurrency;
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private void record(long nanos) {
        averageNanos.updateAndGet(previous -> previous + (nanos - previous) / 8);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** 429: every render slot and the queue are taken. */
    public static final class RenderBusyException extends RuntimeException {
        private final long retryAfterSeconds;

        RenderBusyException(long retryAfterSeconds) {
            super("every render slot and the queue are taken");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** 503: the render did not finish within {@code sello.limits.render-timeout}. */
    public static final class RenderTimeoutException extends RuntimeException {
        private final Duration timeout;

        RenderTimeoutException(Duration timeout) {
            super("render not finished within " + timeout);
            this.timeout = timeout;
        }

        public Duration timeout() {
            return timeout;
        }
    }
}
