package io.sello.batch;

import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.InvalidInputException;
import io.sello.document.OutputFormat;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.TotalsMismatchException;
import io.sello.document.UnprintableFigureException;
import io.sello.storage.BatchStore;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;

import java.nio.charset.StandardCharsets;

/**
 * The jobs JobRunr runs, on whichever instance takes them. Each is idempotent: a job retried after a
 * crash, or picked up again after a restart, finds its item finished and does nothing more.
 */
public class BatchWorker {
    private final BatchStore store;
    private final DocumentTypes types;
    private final WebhookSender webhooks;
    private final JobScheduler scheduler;

    private final String instance;

    public BatchWorker(BatchStore store, DocumentTypes types, WebhookSender webhooks, JobScheduler scheduler, String instance) {
        this.instance = instance;
        this.store = store;
        this.types = types;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
    }

    @Job(name = "render batch item %1 of %0", retries = 3)
    public void render(String batchId, int item) {
        BatchStore.Batch batch = store.header(batchId).orElseThrow();
        BatchStore.Item row = store.item(batchId, item).orElseThrow();
        if (row.status().equals("PENDING")) {
            store.attempt(batchId, item);
            DocumentType type = types.find(batch.type()).orElseThrow();
            try {
                RenderedDocument document = type.render(row.json().getBytes(StandardCharsets.UTF_8),
                        new RenderOptions(batch.lenient(), OutputFormat.PDF));
                store.finish(batchId, item, true, null, document.content(), safeName(row.name(), item) + ".pdf", instance);
            } catch (InvalidInputException e) {
                store.finish(batchId, item, false, e.errors().size() + " error(s), first " + e.errors().get(0).pointer()
                        + ": " + e.errors().get(0).message(), null, null, instance);
            } catch (TotalsMismatchException e) {
                store.finish(batchId, item, false, e.mismatches().size() + " declared figure(s) wrong; send lenient to render anyway",
                        null, null, instance);
            } catch (UnprintableFigureException e) {
                store.finish(batchId, item, false, e.errors().size() + " figure(s) too large to print in full, first "
                        + e.errors().get(0).pointer() + ": " + e.errors().get(0).message(), null, null, instance);
            }
        }
        if (store.claimCompletion(batchId)) {
            if (batch.webhookUrl() == null) {
                store.webhookState(batchId, "NOT_REQUESTED");
            } else {
                scheduler.enqueue(() -> deliver(batchId));
            }
        }
    }

    @Job(name = "webhook of batch %0", retries = 8)
    public void deliver(String batchId) {
        webhooks.deliver(store.find(batchId).orElseThrow());
        store.webhookState(batchId, "DELIVERED");
    }

    static String safeName(String name, int item) {
        String clean = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+", "");
        return String.format("%04d-%s", item + 1, clean.isEmpty() ? "documento" : clean.length() > 80 ? clean.substring(0, 80) : clean);
    }
}
