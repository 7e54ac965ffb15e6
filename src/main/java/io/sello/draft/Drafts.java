package io.sello.draft;

import io.sello.storage.DocumentId;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.Draft;
import io.sello.storage.DraftId;
import io.sello.storage.DraftTable;

import java.util.List;
import java.util.Optional;

/**
 * Drafts (issue 15, point 3): a person's unfinished documents. Only the owner sees, saves or deletes
 * one; saves are optimistic (each names the version it read); every change is in the audit trail.
 */
public final class Drafts {
    private final DraftTable table;
    private final DocumentRegistry registry;

    public Drafts(DraftTable table, DocumentRegistry registry) {
        this.table = table;
        this.registry = registry;
    }

    public Draft create(String owner, String type, String title, String data) {
        Draft draft = table.insert(type, owner, title, data);
        registry.audit(null, owner, "draft-create", "ok", describe(draft));
        return draft;
    }

    public List<Draft> of(String owner) {
        return table.ofOwner(owner);
    }

    public Draft get(String owner, DraftId id) {
        return table.find(id, owner).orElseThrow(DraftNotFoundException::new);
    }

    /**
     * Saves {@code data} (and the title, when given) over version {@code expected}.
     *
     * @throws DraftConflictException with the stored draft when it is no longer at {@code expected}
     */
    public Draft save(String owner, DraftId id, int expected, Optional<String> title, String data) {
        Draft read = get(owner, id);
        if (read.version() == expected && table.update(id, owner, expected, title.orElse(read.title()), data)) {
            Draft saved = get(owner, id);
            registry.audit(null, owner, "draft-save", "ok", describe(saved));
            return saved;
        }
        Draft current = get(owner, id);
        registry.audit(
                null, owner, "draft-save", "refused", describe(current) + ": the save named version " + expected);
        throw new DraftConflictException(current, expected);
    }

    public void delete(String owner, DraftId id) {
        Draft draft = get(owner, id);
        if (!table.delete(id, owner)) {
            throw new DraftNotFoundException();
        }
        registry.audit(null, owner, "draft-delete", "ok", describe(draft));
    }

    /**
     * The draft became stored document {@code document}: it is deleted, unless it was saved again
     * meanwhile (another tab), in which case that newer work stays a draft.
     */
    public void issued(Draft draft, DocumentId document) {
        boolean deleted = table.delete(draft.id(), draft.owner(), draft.version());
        registry.audit(
                document,
                draft.owner(),
                "draft-issue",
                "ok",
                describe(draft) + " issued as " + document
                        + (deleted ? "" : "; the draft was saved again meanwhile and is kept"));
    }

    private static String describe(Draft draft) {
        return "draft " + draft.id() + " (" + draft.type() + ", version " + draft.version() + ", "
                + draft.data().length() + " characters)";
    }
}
