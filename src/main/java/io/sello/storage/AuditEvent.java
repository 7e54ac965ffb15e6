package io.sello.storage;

import java.time.Instant;

/**
 * One line of the audit trail: who did what, when, and how it ended.
 *
 * @param documentId the document concerned, or {@code null} (a render that was not stored, a verification of an unknown file)
 * @param result     {@code ok}, {@code refused} or {@code failed}
 */
public record AuditEvent(
        long id, String documentId, Instant at, String actor, String action, String result, String detail) {}
