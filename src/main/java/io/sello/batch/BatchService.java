package io.sello.batch;

import io.sello.document.DocumentTypes;
import io.sello.document.InputFindings;
import io.sello.input.JsonObject;
import io.sello.input.StrictJson;
import io.sello.storage.BatchStore;
import org.jobrunr.scheduling.JobScheduler;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.sello.input.JsonObject.Presence.OPTIONAL;
import static io.sello.input.JsonObject.Presence.REQUIRED;

/**
 * Accepts a batch: checks the request (not the documents: each is checked when it renders, and a bad
 * one fails alone), stores it whole, then enqueues one job per item. Accepted means stored.
 */
public final class BatchService {
    static final int MAX_ITEMS = 1000;
    /** {@code batch_items.name VARCHAR(200)}: longer names are refused before the database sees them. */
    static final int MAX_NAME = 200;
    /** {@code batches.webhook_url VARCHAR(2000)}. */
    static final int MAX_WEBHOOK = 2000;

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
        InputFindings findings = new InputFindings();
        JsonObject root = JsonObject.root(StrictJson.parse(json), findings, "type", "lenient", "webhook", "items");
        if (root == null) {
            findings.throwIfErrors();
        }
        String type = root.text("type", REQUIRED);
        if (type != null && types.find(type).isEmpty()) {
            findings.error(
                    "/type",
                    "expected one of "
                            + types.all().stream().map(t -> t.id().value()).toList() + " but got \""
                            + (type.length() > 60 ? type.substring(0, 60) + "…" : type) + "\"");
        }
        boolean lenient = root.flag("lenient");
        String webhook = root.text("webhook", OPTIONAL);
        if (webhook != null && webhook.length() > MAX_WEBHOOK) {
            findings.error(
                    "/webhook", "expected a URL of at most " + MAX_WEBHOOK + " characters but got " + webhook.length());
        } else if (webhook != null && !allowedWebhook(webhook)) {
            findings.error(
                    "/webhook",
                    "expected an http(s) URL on one of the allowed hosts " + properties.allowedHosts()
                            + " (sello.batches.webhook-hosts)");
        } else if (webhook != null && ownPorts.isOwn(URI.create(webhook))) {
            findings.error(
                    "/webhook",
                    "expected a URL that is not this service's own port: a webhook never calls the service itself");
        }
        int count = root.arrayLength("items");
        List<BatchStore.NewItem> items = new ArrayList<>();
        if (count < 1 || count > MAX_ITEMS) {
            findings.error("/items", "expected 1 to " + MAX_ITEMS + " items but got " + (count < 0 ? "none" : count));
        } else {
            List<JsonObject> objects = root.objects("items", REQUIRED, "name", "document");
            for (int i = 0; i < objects.size(); i++) {
                JsonObject item = objects.get(i);
                if (item == null) {
                    continue;
                }
                String name = item.text("name", OPTIONAL);
                if (name != null && name.length() > MAX_NAME) {
                    findings.error(
                            item.pointer("name"),
                            "expected a name of at most " + MAX_NAME + " characters but got " + name.length());
                }
                String document = item.rawObject("document");
                if (document != null) {
                    items.add(new BatchStore.NewItem(name == null ? "documento-" + (i + 1) : name, document));
                }
            }
        }
        findings.throwIfErrors();
        String id = UUID.randomUUID().toString();
        store.create(id, type, lenient, webhook, actor, items);
        for (int i = 0; i < items.size(); i++) {
            int item = i;
            scheduler.<BatchWorker>enqueue(worker -> worker.render(id, item));
        }
        return id;
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
