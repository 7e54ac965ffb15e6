package io.sello.web;

import io.sello.batch.BatchService;
import io.sello.signoff.SignOffRefused;
import io.sello.storage.BatchStore;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Many render requests at once: accepted with 202, rendered by the job engine, followed by progress, collected as a ZIP. */
@RestController
@RequestMapping("/api/v1/batches")
class BatchesController {
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
        String id = batches.submit(bodies.checkBatch(body), SecurityConfiguration.actor(who, security).username());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/batches/" + id))
                .body(Map.of("id", id, "status", "/api/v1/batches/" + id, "results", "/api/v1/batches/" + id + "/results.zip"));
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Progress progress(@PathVariable String id) {
        BatchStore.Batch batch = find(id);
        List<ItemView> items = batch.items().stream()
                .map(i -> new ItemView(i.item() + 1, i.name(), i.status(), i.error(), i.fileName(), i.attempts(), i.worker())).toList();
        return new Progress(batch.id(), batch.type(), batch.total(), batch.count("DONE"), batch.count("FAILED"),
                batch.count("PENDING"), batch.count("PENDING") == 0, batch.webhookState(), items);
    }

    @GetMapping(path = "/{id}/results.zip", produces = "application/zip")
    ResponseEntity<byte[]> results(@PathVariable String id) throws IOException {
        find(id);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (BatchStore.Result result : store.results(id)) {
                zip.putNextEntry(new ZipEntry(result.fileName()));
                zip.write(result.content());
                zip.closeEntry();
            }
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/zip"));
        headers.set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lote-" + id + ".zip\"");
        return ResponseEntity.ok().headers(headers).body(bytes.toByteArray());
    }

    private BatchStore.Batch find(String id) {
        if (!id.matches("[0-9a-f-]{36}")) {
            throw new SignOffRefused(SignOffRefused.Reason.NOT_FOUND, "no batch with that id");
        }
        return store.find(id).orElseThrow(() -> new SignOffRefused(SignOffRefused.Reason.NOT_FOUND, "no batch " + id));
    }

    /** {@code attempts} and {@code worker} show that each item was rendered once, and by which instance. */
    record ItemView(int item, String name, String status, String error, String fileName, int attempts, String worker) {
    }

    record Progress(String id, String type, int total, long done, long failed, long pending, boolean finished,
                    String webhook, List<ItemView> items) {
    }
}
