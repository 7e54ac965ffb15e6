package io.sello.batch;

import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Starts JobRunr's background job server again after a database outage. JobRunr (open-source edition)
 * shuts its server down for good on the first failed heartbeat ("An unrecoverable error occurred"), and
 * the rest of the service keeps answering: without this, accepted batches would wait until someone
 * restarted the instance. Every {@code interval} it looks; when the server has been down at two checks in
 * a row (so a stop or start under way is left alone) and the database answers, it starts the server.
 */
final class JobServerWatchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobServerWatchdog.class);
    private final BackgroundJobServer server;
    private final BooleanSupplier databaseAnswers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jobrunr-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration interval;
    private boolean downAtLastCheck;

    /** @param databaseAnswers true when the jobs' database answers a query now (BatchStore#databaseAnswers) */
    public JobServerWatchdog(BackgroundJobServer server, BooleanSupplier databaseAnswers, Duration interval) {
        this.server = server;
        this.databaseAnswers = databaseAnswers;
        this.interval = interval;
    }

    /** Only once the application is ready: before that, JobRunr's own starter is still starting the server. */
    @EventListener(ApplicationReadyEvent.class)
    public void begin() {
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            if (server.isRunning()) {
                downAtLastCheck = false;
                return;
            }
            if (!downAtLastCheck) {
                downAtLastCheck = true;
                return;
            }
            if (!databaseAnswers.getAsBoolean()) {
                return;
            }
            log.warn("JobRunr background job server found stopped and the database answers again: starting it");
            server.start();
            downAtLastCheck = false;
        } catch (RuntimeException e) {
            // never let the timer die: the next check tries again
            log.warn("JobRunr background job server not started yet: {}", e.toString());
        }
    }

    /** Before the server is destroyed (Spring destroys dependents first), so a shutdown is not undone. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
