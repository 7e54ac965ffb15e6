package io.sello.batch;

import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.InvalidInputException;
import io.sello.document.OutputFormat;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.TotalsMismatchException;
import io.sello.document.UnprintableFigureException;
import io.sello.rendering.RenderingException;
import io.sello.storage.BatchStore;
import io.sello.storage.BatchStore.ItemStatus;
import io.sello.storage.BatchStore.WebhookState;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The jobs JobRunr runs, on whichever instance takes them. Each is idempotent: a job retried after a
 * crash, or picked up again after a restart, finds its item finished and does nothing more.
 *
 * <p>Each item renders on a thread of its own under {@code renderTimeout}, the interactive path's bound
 * (issue 14: one item with long combining-mark runs held a worker for about 120 s). When it runs out,
 * the render is interrupted (JasperReports checks between bands and pages, Flying Saucer between
 * pages), the item fails alone with a message naming the limit, and the JobRunr worker is free at once.
 * A render the engine cannot finish for any other reason fails the item too: retrying the same
 * input gives the same failure, and a job that runs out of retries would leave its item pending and
 * its batch unfinished for ever.
 * <p>Public although only this package names it: JobRunr invokes {@link #render} and {@link #deliver} by reflection
 * from its own package, and a package-private class makes that an IllegalAccessException (every job failed).
 */
public class BatchWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchWorker.class);
    /** {@code batch_items.error VARCHAR(1000)}: an error message echoing a long input must still fit. */
    static final int MAX_ERROR = 1000;

    private final BatchStore store;
    private final DocumentTypes types;
    private final WebhookSender webhooks;
    private final JobScheduler scheduler;
    private final String instance;
    private final Duration renderTimeout;
    private final ServicePorts ownPorts;
    /**
     * Not bounded here: JobRunr's worker count bounds the renders waited for; a thread more exists only
     * while an interrupted render is still stopping.
     */
    private final ExecutorService renders;

    public BatchWorker(
            BatchStore store,
            DocumentTypes types,
            WebhookSender webhooks,
            JobScheduler scheduler,
            String instance,
            Duration renderTimeout,
            ServicePorts ownPorts) {
        this.instance = instance;
        this.store = store;
        this.types = types;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
        this.renderTimeout = renderTimeout;
        this.ownPorts = ownPorts;
        AtomicInteger count = new AtomicInteger();
        this.renders = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "batch-render-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Job(name = "render batch item %1 of %0", retries = 3)
    public void render(String batchId, int item) {
        BatchStore.Batch batch = store.header(batchId).orElseThrow();
        BatchStore.Item row = store.item(batchId, item).orElseThrow();
        if (row.status() == ItemStatus.PENDING) {
            store.attempt(batchId, item);
            DocumentType type = types.find(batch.type()).orElseThrow();
            try {
                RenderedDocument document = renderBounded(
                        type,
                        row.json().getBytes(StandardCharsets.UTF_8),
                        new RenderOptions(batch.lenient(), OutputFormat.PDF));
                store.finish(
                        batchId, item, true, null, document.content(), safeName(row.name(), item) + ".pdf", instance);
            } catch (InvalidInputException e) {
                fail(
                        batchId,
                        item,
                        e.errors().size() + " error(s), first "
                                + e.errors().get(0).pointer() + ": "
                                + e.errors().get(0).message());
            } catch (TotalsMismatchException e) {
                fail(batchId, item, e.mismatches().size() + " declared figure(s) wrong; send lenient to render anyway");
            } catch (UnprintableFigureException e) {
                fail(
                        batchId,
                        item,
                        e.errors().size() + " figure(s) too large to print in full, first "
                                + e.errors().get(0).pointer() + ": "
                                + e.errors().get(0).message());
            } catch (RenderTimedOut e) {
                log.warn("batch {} item {} not rendered within {}: stopped", batchId, item + 1, seconds(renderTimeout));
                fail(
                        batchId,
                        item,
                        "not rendered within " + seconds(renderTimeout)
                                + " (sello.batches.render-timeout): stopped, not retried");
            } catch (RenderingException e) {
                log.warn("batch {} item {} could not be rendered: {}", batchId, item + 1, e.getMessage());
                fail(batchId, item, "could not be rendered: " + e.getMessage());
            } catch (RenderFailed e) {
                log.warn(
                        "batch {} item {} could not be rendered: {}",
                        batchId,
                        item + 1,
                        e.getCause().getClass().getSimpleName());
                fail(batchId, item, "could not be rendered");
            }
        }
        if (store.claimCompletion(batchId)) {
            if (batch.webhookUrl() == null) {
                store.webhookState(batchId, WebhookState.NOT_REQUESTED);
            } else {
                scheduler.enqueue(() -> deliver(batchId));
            }
        }
    }

    private void fail(String batchId, int item, String error) {
        store.finish(
                batchId,
                item,
                false,
                error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR - 1) + "…" : error,
                null,
                null,
                instance);
    }

    /** The render on a thread of its own, waited for at most {@code renderTimeout}, interrupted beyond it. */
    private RenderedDocument renderBounded(DocumentType type, byte[] json, RenderOptions options) {
        Future<RenderedDocument> future = renders.submit(() -> type.render(json, options));
        try {
            return future.get(renderTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new RenderTimedOut();
        } catch (InterruptedException e) {
            // JobRunr is stopping this job (shutdown): the item stays pending and is taken over later
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch render interrupted by a shutdown");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidInputException
                    || cause instanceof TotalsMismatchException
                    || cause instanceof UnprintableFigureException
                    || cause instanceof RenderingException) {
                throw (RuntimeException) cause;
            }
            // anything else (a StackOverflowError, an OutOfMemoryError of this render) comes back on a retry too
            throw new RenderFailed(cause);
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @Job(name = "webhook of batch %0", retries = 8)
    public void deliver(String batchId) {
        BatchStore.Batch batch = store.find(batchId).orElseThrow();
        // checked at submission too; again here, as a name may resolve elsewhere by now
        if (ownPorts.isOwn(URI.create(batch.webhookUrl()))) {
            log.warn("webhook of batch {} not sent: it names this service's own port", batchId);
            return;
        }
        webhooks.deliver(batch);
        store.webhookState(batchId, WebhookState.DELIVERED);
    }

    static String safeName(String name, int item) {
        String clean = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+", "");
        return String.format(
                "%04d-%s",
                item + 1, clean.isEmpty() ? "documento" : clean.length() > 80 ? clean.substring(0, 80) : clean);
    }

    @Override
    public void close() {
        renders.shutdownNow();
    }

    /** The engine failed in a way no input error explains; the cause is logged by class name only. */
    private static final class RenderFailed extends RuntimeException {
        RenderFailed(Throwable cause) {
            super("render failed", cause, false, false);
        }
    }

    /** The item's render ran past {@code renderTimeout} and was interrupted. */
    private static final class RenderTimedOut extends RuntimeException {
        RenderTimedOut() {
            super("render timed out", null, false, false);
        }
    }
}
