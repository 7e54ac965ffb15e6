package io.sello.web;

import io.sello.storage.AuditEvent;
import io.sello.storage.DailyCount;
import io.sello.storage.DocumentRegistry;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The service-wide audit trail (renders not stored, files verified that the registry does not know) and the
 * daily counts of anonymous verifications: admins only.
 */
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

    /**
     * Events counted per UTC day instead of audited one by one (anonymous verifications, issue 14):
     * the last {@code days} days, today included, oldest first.
     */
    @GetMapping(path = "/api/v1/audit/daily-counts", produces = MediaType.APPLICATION_JSON_VALUE)
    List<DailyCount> dailyCounts(@RequestParam(defaultValue = "31") int days, Authentication who) {
        if (!SecurityConfiguration.actor(who, security).roles().contains("ADMIN")) {
            throw new AccessDeniedException("admins only");
        }
        LocalDate today = LocalDate.ofInstant(registry.now(), ZoneOffset.UTC);
        return registry.dailyCounts(today.minusDays(Math.max(1, Math.min(days, 366)) - 1L));
    }
}
