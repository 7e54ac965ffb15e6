package io.sello.batch;

import io.sello.document.DocumentTypes;
import io.sello.document.InputError;
import io.sello.document.InputFindings;
import io.sello.document.SchemaCheck;
import io.sello.input.JsonPointers;
import io.sello.input.RequestBinding;
import io.sello.input.StrictJson;
import io.sello.storage.BatchStore;
import org.jobrunr.scheduling.JobScheduler;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts a batch: checks the request (not the documents: each is checked when it renders, and a bad
 * one fails alone), stores it whole, then enqueues one job per item. Accepted means stored.
 */
public final class BatchService {
    /**
     * The contract of a batch (at most 1,000 items; names within {@code batch_items.name VARCHAR(200)} and the
     * webhook within {@code batches.webhook_url VARCHAR(2000)}, so the database never sees a longer one).
     */
    private static final SchemaCheck CONTRACT = contract();

    /** The fields of a batch in the order its faults are reported. */
    private static final List<String> FIELDS = List.of("", "type", "lenient", "webhook", "items");

    private final BatchStore store;
    private final DocumentTypes types;
    private final JobScheduler scheduler;
    private final BatchProperties properties;
    private final ServicePorts ownPorts;

    public BatchService(
            BatchStore store,
            DocumentTypes types,
            JobScheduler scheduler,
            BatchProperties properties,
            ServicePorts ownPorts) {
        this.ownPorts = ownPorts;
        this.store = store;
        this.types = types;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    /** @return the batch id */
    public String submit(byte[] json, String actor) {
        JsonNode request = StrictJson.parse(json);
        List<InputError> faults = new ArrayList<>(CONTRACT.check(request));
        // What the schema cannot say, checked even when it refused another field, so one answer lists every fault.
        String type = text(request, "type");
        if (type != null
                && !refusedAt(faults, "/type")
                && types.find(type.strip()).isEmpty()) {
            faults.add(new InputError(
                    "/type",
                    "expected one of "
                            + types.all().stream().map(t -> t.id().value()).toList() + " but got \""
                            + (type.length() > 60 ? type.substring(0, 60) + "…" : type) + "\""));
        }
        String webhook = text(request, "webhook");
        if (webhook != null && !refusedAt(faults, "/webhook")) {
            webhookFault(webhook.strip()).ifPresent(message -> faults.add(new InputError("/webhook", message)));
        }
        InputFindings findings = new InputFindings();
        faults.stream()
                .sorted(Comparator.comparingInt(
                        fault -> FIELDS.indexOf(fault.pointer().split("/", 3)[1])))
                .forEach(fault -> findings.error(fault.pointer(), fault.message()));
        findings.throwIfErrors();
        BatchRequest batch = RequestBinding.bind(request, JsonPointers.ROOT, BatchRequest.class, findings);
        findings.throwIfErrors();
        List<BatchStore.NewItem> items = new ArrayList<>();
        for (int i = 0; i < batch.items().size(); i++) {
            BatchRequest.Item item = batch.items().get(i);
            items.add(new BatchStore.NewItem(
                    item.name() == null ? "documento-" + (i + 1) : item.name(),
                    item.document().toString()));
        }
        String id = UUID.randomUUID().toString();
        store.create(id, batch.type(), batch.lenient(), batch.webhook(), actor, items);
        for (int i = 0; i < items.size(); i++) {
            int item = i;
            scheduler.<BatchWorker>enqueue(worker -> worker.render(id, item));
        }
        return id;
    }

    /** Why the service will not call {@code url} back, if it will not. */
    private Optional<String> webhookFault(String url) {
        if (!allowedWebhook(url)) {
            return Optional.of("expected an http(s) URL on one of the allowed hosts " + properties.allowedHosts()
                    + " (sello.batches.webhook-hosts)");
        }
        if (ownPorts.isOwn(URI.create(url))) {
            return Optional.of(
                    "expected a URL that is not this service's own port: a webhook never calls the service itself");
        }
        return Optional.empty();
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static boolean refusedAt(List<InputError> faults, String pointer) {
        return faults.stream().anyMatch(fault -> fault.pointer().equals(pointer));
    }

    /** {@code batch-request.schema.json}, next to this class. */
    private static SchemaCheck contract() {
        try (InputStream in = BatchService.class.getResourceAsStream("batch-request.schema.json")) {
            return new SchemaCheck(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("io/sello/batch/batch-request.schema.json is missing", e));
        }
    }

    private boolean allowedWebhook(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getUserInfo() == null
                    && properties.allowedHosts().contains(uri.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
