package io.sello.web;

import io.sello.signoff.Actor;
import io.sello.storage.DocumentRegistry;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The list of stored documents, and who the caller is: what the staff pages need to show the right actions. */
@RestController
class StoredDocumentsController {
    private final DocumentRegistry registry;
    private final SecurityProperties security;

    StoredDocumentsController(DocumentRegistry registry, SecurityProperties security) {
        this.registry = registry;
        this.security = security;
    }

    @GetMapping(path = "/api/v1/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RegistryController.DocumentView> latest(@RequestParam(defaultValue = "50") int limit) {
        return registry.latest(Math.max(1, Math.min(limit, 500))).stream()
                .map(RegistryController.DocumentView::of)
                .toList();
    }

    /** Open to anyone: an anonymous caller is told {@code anonymous}, so that the pages know whether to offer "Entrar". */
    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    Actor me(Authentication who) {
        return SecurityConfiguration.actor(who, security);
    }
}
