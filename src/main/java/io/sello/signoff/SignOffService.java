package io.sello.signoff;

import io.sello.document.SignatureSlot;
import io.sello.signing.PdfSigner;
import io.sello.signing.Signer;
import io.sello.signing.SigningKey;
import io.sello.signing.SigningKeys;
import io.sello.storage.DocumentId;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.SignOffKind;
import io.sello.storage.SignOffStep;
import io.sello.storage.StoredDocument;

import java.time.Instant;
import java.util.Optional;

/**
 * Signs a stored document off, one step at a time, in the order ELABORADO → REVISADO → APROBADO,
 * each by a user holding that step's role. Every refusal is audited as well as every signature.
 *
 * <p>Issue 16, point 1. With {@code sello.signoff.separate-duties} (the default) the three steps of a
 * document are signed by three different people: a user who holds several roles takes one step per
 * document. Each sign-off is recorded as {@link SignOffKind#PERSONAL} when made with the user's own key,
 * else as the service's {@link SignOffKind#SEAL}. A system (API key) never makes a personal sign-off:
 * whatever keys are configured, it signs with the service seal only.
 */
public final class SignOffService {
    private final DocumentRegistry registry;
    private final PdfSigner signer;
    private final SigningKeys keys;
    private final SignOffProperties properties;

    public SignOffService(DocumentRegistry registry, PdfSigner signer, SigningKeys keys, SignOffProperties properties) {
        this.registry = registry;
        this.signer = signer;
        this.keys = keys;
        this.properties = properties;
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
        if (properties.separateDuties()) {
            Optional<StoredDocument.SignOff> own = document.signOffs().stream()
                    .filter(s -> s.username().equals(actor.username())).findFirst();
            if (own.isPresent()) {
                // the staff page shows this text as it is: in Spanish, naming who signed which step
                throw refuse(id, actor, SignOffRefused.Reason.SEPARATION_OF_DUTIES, "Separación de funciones: "
                        + own.get().signer() + " (" + actor.username() + ") ya firmó el paso " + own.get().step()
                        + " de este documento; el paso " + step + " debe firmarlo otra persona.");
            }
        }
        SignatureSlot slot = document.slots().stream().filter(s -> s.step().equals(step.name())).findFirst()
                .orElseThrow(() -> refuse(id, actor, SignOffRefused.Reason.CONFLICT,
                        "a " + document.type() + " has no " + step + " cell in a signature block"));
        // a system is never looked up among the personal keys, even if one were configured under its name
        SignOffKind kind = !actor.system() && keys.isPersonal(actor.username()) ? SignOffKind.PERSONAL : SignOffKind.SEAL;
        SigningKey key = kind == SignOffKind.PERSONAL ? keys.forUser(actor.username()) : keys.seal();
        Instant now = registry.now();
        byte[] signed = signer.sign(registry.pdf(id), slot, new Signer(step.name(), actor.name(), actor.position()), key, now);
        if (!registry.recordSignOff(id, document.version(), step, actor.name(), actor.position(), actor.username(), kind, now, signed)) {
            throw refuse(id, actor, SignOffRefused.Reason.CONFLICT, "someone else signed this document at the same time; reload it");
        }
        registry.audit(id, actor.username(), "sign-off", "ok", step + " signed by " + actor.name() + " (" + actor.position() + "), "
                + (kind == SignOffKind.PERSONAL ? "personal signature" : "service seal") + (actor.system() ? " applied by a system" : ""));
        return registry.find(id).orElseThrow();
    }

    private SignOffRefused refuse(DocumentId id, Actor actor, SignOffRefused.Reason reason, String message) {
        registry.audit(id, actor.username(), "sign-off", "refused", message);
        return new SignOffRefused(reason, message);
    }
}
