package io.sello.web;

import io.sello.storage.AuditEvent;
import io.sello.storage.DocumentRegistry;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The service-wide audit trail (renders not stored, files verified that the registry does not know): admins only. */
@RestController
class AuditController {
    private final DocumentRegistry registry;
    private final SecurityProperties security;

    AuditController(DocumentRegistry registry, SecurityProperties security) {
        this.registry = registry;
        this.security = security;
    }

    @GetMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AuditEvent> recent(@RequestParam(defaultValue = "100") int limit, Authentication who) {
        if (!SecurityConfiguration.actor(who, security).roles().contains("ADMIN")) {
            throw new AccessDeniedException("admins only");
        }
        return registry.recentAudit(Math.max(1, Math.min(limit, 1000)));
    }
}
