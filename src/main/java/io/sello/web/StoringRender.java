package io.sello.web;

import io.sello.document.DocumentType;
import io.sello.http.WarningHeaders;
import io.sello.signoff.DocumentStore;
import io.sello.storage.DocumentId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

/**
 * Render and store, as {@code POST /api/v1/documents/{type}?store=true} does: one path, also taken by a
 * draft when it is issued ({@code POST /api/v1/drafts/{id}/issue}), so both answer alike.
 */
@Component
class StoringRender {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final DocumentStore store;
    private final RenderGate gate;
    private final SecurityProperties security;

    StoringRender(DocumentStore store, RenderGate gate, SecurityProperties security) {
        this.store = store;
        this.gate = gate;
        this.security = security;
    }

    /** Renders under the render gate; invalid data throws the same exceptions (400, 422) as rendering. */
    Result store(DocumentType type, byte[] body, boolean lenient, Authentication who) {
        var actor = SecurityConfiguration.actor(who, security);
        var stored = gate.run(() -> store.store(type, body, lenient, actor));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setLocation(URI.create("/api/v1/documents/" + stored.document().id()));
        WarningHeaders.write(stored.rendered().warnings(), headers);
        byte[] json = JSON.writeValueAsBytes(RegistryController.DocumentView.of(stored.document()));
        return new Result(
                stored.document().id(),
                ResponseEntity.status(HttpStatus.CREATED).headers(headers).body(json));
    }

    /** The 201 answer and the id of the document it describes. */
    record Result(DocumentId id, ResponseEntity<byte[]> response) {}
}
