package io.sello.storage;

import io.sello.document.SignatureSlot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A document in the registry.
 *
 * @param status          {@code STORED}, then the last sign-off step done ({@code ELABORADO}…{@code APROBADO})
 * @param renderedSha256  of the PDF as stored (with its QR codes, before any signature): printed on every page
 * @param sha256          of the current PDF, after the sign-offs so far
 * @param version         bumped by every change, so two concurrent sign-offs cannot both win
 */
public record StoredDocument(
        DocumentId id,
        String type,
        String status,
        String fileName,
        String renderedSha256,
        String sha256,
        String templateVersion,
        String inputJson,
        List<SignatureSlot> slots,
        Instant createdAt,
        String createdBy,
        int version,
        List<SignOff> signOffs) {
    /** This document with these sign-offs: the registry reads a document's row and its sign-offs apart. */
    StoredDocument withSignOffs(List<SignOff> signOffs) {
        return new StoredDocument(
                id,
                type,
                status,
                fileName,
                renderedSha256,
                sha256,
                templateVersion,
                inputJson,
                slots,
                createdAt,
                createdBy,
                version,
                signOffs);
    }

    public StoredDocument {
        Objects.requireNonNull(id, "id");
        slots = List.copyOf(slots);
        signOffs = List.copyOf(signOffs);
    }

    /** @param kind a personal signature or the service seal (issue 16) */
    public record SignOff(
            SignOffStep step,
            String signer,
            String position,
            String username,
            Instant signedAt,
            String sha256,
            SignOffKind kind) {
        public SignOff {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
