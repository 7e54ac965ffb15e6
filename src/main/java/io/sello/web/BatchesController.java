package io.sello.web;

import io.sello.batch.BatchNotFoundException;
import io.sello.batch.BatchService;
import io.sello.storage.BatchStore;
import io.sello.storage.BatchStore.ItemStatus;
import io.sello.storage.BatchStore.WebhookState;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Many render requests at once: accepted with 202, rendered by the job engine, followed by progress, collected as a ZIP. */
@RestController
@RequestMapping("/api/v1/batches")
class BatchesController {
    static final String COMPLETE_HEADER = "Sello-Batch-Complete";
    private final BatchService batches;
    private final BatchStore store;
    private final SecurityProperties security;
    private final JsonBodyCheck bodies;

    BatchesController(BatchService batches, BatchStore store, SecurityProperties security, JsonBodyCheck bodies) {
        this.bodies = bodies;
        this.batches = batches;
        this.store = store;
        this.security = security;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> submit(@RequestBody(required = false) byte[] body, Authentication who) {
        String id = batches.submit(
                bodies.checkBatch(body),
                SecurityConfiguration.actor(who, security).username());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/batches/" + id))
                .body(Map.of(
                        "id",
                        id,
                        "status",
                        "/api/v1/batches/" + id,
                        "results",
                        "/api/v1/batches/" + id + "/results.zip"));
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Progress progress(@PathVariable String id) {
        BatchStore.Batch batch = find(id);
        List<ItemView> items = batch.items().stream()
                .map(i -> new ItemView(
                        i.item() + 1, i.name(), i.status().name(), i.error(), i.fileName(), i.attempts(), i.worker()))
                .toList();
        return new Progress(
                batch.id(),
                batch.type(),
                batch.total(),
                batch.count(ItemStatus.DONE),
                batch.count(ItemStatus.FAILED),
                batch.count(ItemStatus.PENDING),
                batch.count(ItemStatus.PENDING) == 0,
                webhook(batch),
                items);
    }

    /**
     * Two words only (issue 14): a client learns whether its receiver has the news, never how the
     * attempts went. Status codes, timings or a refusal told apart from a timeout would let a webhook
     * scan the ports of an allowed host. Null when the batch asked for no webhook.
     */
    static String webhook(BatchStore.Batch batch) {
        if (batch.webhookUrl() == null) {
            return null;
        }
        return batch.webhookState() == WebhookState.DELIVERED ? "delivered" : "not yet delivered";
    }

    /**
     * The PDFs of the items rendered so far, streamed: one item's bytes are read from the database,
     * written and flushed before the next is read, so a download holds one PDF in memory, not the
     * archive (issue 14: a 1,000-item batch of 41 MB, downloaded 3 times at once, ran out of heap).
     * Written on the request thread, not as a StreamingResponseBody, so a slow client is not cut off
     * by the servlet container's asynchronous request timeout (30 s). Header {@code Sello-Batch-Complete}
     * and the file name tell a partial archive (items pending or failed) from a complete one.
     */
    @GetMapping(path = "/{id}/results.zip", produces = "application/zip")
    void results(@PathVariable String id, HttpServletResponse response) throws IOException {
        BatchStore.Batch batch = find(id);
        boolean complete = batch.count(ItemStatus.DONE) == batch.total();
        List<BatchStore.Item> done = batch.items().stream()
                .filter(i -> i.status() == ItemStatus.DONE)
                .toList();
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("application/zip");
        response.setHeader(COMPLETE_HEADER, String.valueOf(complete));
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"lote-" + batch.id() + (complete ? "" : "-parcial") + ".zip\"");
        ResultsArchive.write(done, item -> store.result(batch.id(), item.item()), response.getOutputStream());
    }

    private BatchStore.Batch find(String id) {
        if (!id.matches("[0-9a-f-]{36}")) {
            throw new BatchNotFoundException("no batch with that id");
        }
        return store.find(id).orElseThrow(() -> new BatchNotFoundException("no batch " + id));
    }

    /**
     * {@code attempts} and {@code worker} show that each item was rendered once, and by which instance
     * ({@code sello.batches.instance-name}, never a host or process id).
     */
    record ItemView(int item, String name, String status, String error, String fileName, int attempts, String worker) {}

    /** @param webhook "delivered", "not yet delivered", or null when none was asked for */
    record Progress(
            String id,
            String type,
            int total,
            long done,
            long failed,
            long pending,
            boolean finished,
            String webhook,
            List<ItemView> items) {}
}
