package io.sello.signoff;

import io.sello.document.SignatureSlot;
import io.sello.signing.PdfSigner;
import io.sello.signing.Signer;
import io.sello.signing.SigningKeys;
import io.sello.storage.DocumentId;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.SignOffStep;
import io.sello.storage.StoredDocument;

import java.time.Instant;
import java.util.Optional;

/**
 * Signs a stored document off, one step at a time, in the order ELABORADO → REVISADO → APROBADO,
 * each by a user holding that step's role. Every refusal is audited as well as every signature.
 */
public final class SignOffService {
    private final DocumentRegistry registry;
    private final PdfSigner signer;
    private final SigningKeys keys;

    public SignOffService(DocumentRegistry registry, PdfSigner signer, SigningKeys keys) {
        this.registry = registry;
        this.signer = signer;
        this.keys = keys;
    }

    public StoredDocument signOff(DocumentId id, Optional<SignOffStep> requested, Actor actor) {
        StoredDocument document = registry.find(id)
                .orElseThrow(() -> new SignOffRefused(SignOffRefused.Reason.NOT_FOUND, "no stored document " + id));
        Optional<SignOffStep> done = document.signOffs().stream().map(StoredDocument.SignOff::step).reduce((a, b) -> b);
        Optional<SignOffStep> next = SignOffStep.next(done);
        if (next.isEmpty()) {
            throw refuse(id, actor, SignOffRefused.Reason.CONFLICT, "the document is already approved: all three sign-offs are done");
        }
        SignOffStep step = next.get();
        if (requested.isPresent() && requested.get() != step) {
            throw refuse(id, actor, SignOffRefused.Reason.CONFLICT, "step: the next sign-off is " + step
                    + ", not " + requested.get() + " (the order is ELABORADO, REVISADO, APROBADO)");
        }
        if (!actor.roles().contains(step.role())) {
            throw refuse(id, actor, SignOffRefused.Reason.FORBIDDEN, "the " + step + " sign-off needs the role "
                    + step.role() + ", which " + actor.username() + " does not hold");
        }
        SignatureSlot slot = document.slots().stream().filter(s -> s.step().equals(step.name())).findFirst()
                .orElseThrow(() -> refuse(id, actor, SignOffRefused.Reason.CONFLICT,
                        "a " + document.type() + " has no " + step + " cell in a signature block"));
        Instant now = registry.now();
        byte[] signed = signer.sign(registry.pdf(id), slot, new Signer(step.name(), actor.name(), actor.position()),
                keys.forUser(actor.username()), now);
        if (!registry.recordSignOff(id, document.version(), step, actor.name(), actor.position(), actor.username(), now, signed)) {
            throw refuse(id, actor, SignOffRefused.Reason.CONFLICT, "someone else signed this document at the same time; reload it");
        }
        registry.audit(id, actor.username(), "sign-off", "ok", step + " signed by " + actor.name() + " (" + actor.position() + ")");
        return registry.find(id).orElseThrow();
    }

    private SignOffRefused refuse(DocumentId id, Actor actor, SignOffRefused.Reason reason, String message) {
        registry.audit(id, actor.username(), "sign-off", "refused", message);
        return new SignOffRefused(reason, message);
    }
}
