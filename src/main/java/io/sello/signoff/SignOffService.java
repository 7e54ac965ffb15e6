package io.sello.signoff;

import io.sello.document.SignatureSlot;
import io.sello.signing.IncrementalSignature;
import io.sello.signing.PdfRefusedException;
import io.sello.signing.PdfSigner;
import io.sello.signing.PdfVerifier;
import io.sello.signing.SignatureAugmentation;
import io.sello.signing.SignatureUploadRefused;
import io.sello.signing.Signer;
import io.sello.signing.SigningKey;
import io.sello.signing.SigningKeys;
import io.sello.signing.SigningUnavailableException;
import io.sello.storage.DocumentId;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.SignOffKind;
import io.sello.storage.SignOffStep;
import io.sello.storage.StoredDocument;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Signs a stored document off, one step at a time, in the order ELABORADO → REVISADO → APROBADO,
 * each by a user holding that step's role. Every refusal is audited as well as every signature.
 *
 * <p>Issue 16, point 1. With {@code sello.signoff.separate-duties} (the default) the three steps of a
 * document are signed by three different people: a user who holds several roles takes one step per
 * document. Each sign-off is recorded as {@link SignOffKind#PERSONAL} when made with the user's own key
 * (or uploaded, signed with the certificate registered for them), else as the service's
 * {@link SignOffKind#SEAL}. A system (API key) never makes a personal sign-off: whatever keys are
 * configured, it signs with the service seal only, and it cannot upload a signed file.
 */
public final class SignOffService {
    private final DocumentRegistry registry;
    private final PdfSigner signer;
    private final SigningKeys keys;
    private final SignOffProperties properties;
    private final PdfVerifier verifier;
    private final SignatureAugmentation augmentation;

    public SignOffService(
            DocumentRegistry registry,
            PdfSigner signer,
            SigningKeys keys,
            SignOffProperties properties,
            PdfVerifier verifier) {
        this(registry, signer, keys, properties, verifier, SignatureAugmentation.NONE);
    }

    /** @param augmentation takes every sign-off to the deployment's PAdES level (issue 16 §3) before it is stored */
    public SignOffService(
            DocumentRegistry registry,
            PdfSigner signer,
            SigningKeys keys,
            SignOffProperties properties,
            PdfVerifier verifier,
            SignatureAugmentation augmentation) {
        this.registry = registry;
        this.signer = signer;
        this.keys = keys;
        this.properties = properties;
        this.verifier = verifier;
        this.augmentation = augmentation;
    }

    public StoredDocument signOff(DocumentId id, Optional<SignOffStep> requested, Actor actor) {
        StoredDocument document = find(id);
        SignOffStep step = nextStepFor(document, requested, actor);
        SignatureSlot slot = slotOf(document, step, actor);
        // a system is never looked up among the personal keys, even if one were configured under its name
        SignOffKind kind =
                !actor.system() && keys.isPersonal(actor.username()) ? SignOffKind.PERSONAL : SignOffKind.SEAL;
        SigningKey key = kind == SignOffKind.PERSONAL ? keys.forUser(actor.username()) : keys.seal();
        Instant now = registry.now();
        // Sello makes this CMS, so it carries its signature time-stamp from the deployment's authority (B-T at once);
        // the long-term layer then needs 2 revisions, added by default only when this sign-off completes the document
        // (issue 16, verifying a B-LTA form in 50 ms; LongTermData)
        byte[] signed = unlessUnavailable(
                id,
                actor,
                step,
                () -> augmentation.augmentTimestamped(
                        signer.sign(
                                registry.pdf(id),
                                slot,
                                new Signer(step.name(), actor.name(), actor.position()),
                                key,
                                now,
                                augmentation.signatureTimestamps()),
                        completes(step)));
        return record(
                document,
                step,
                actor,
                kind,
                now,
                signed,
                step + " signed by " + actor.name() + " (" + actor.position() + "), "
                        + (kind == SignOffKind.PERSONAL ? "personal signature" : "service seal")
                        + (actor.system() ? " applied by a system" : ""));
    }

    /**
     * The file the step's signer signs with their own software (issue 16 §1): the registry's current file, whose
     * empty signature field carries the step's name. Only for the next step, and only to who may sign it.
     */
    public byte[] prepared(DocumentId id, SignOffStep step, Actor actor) {
        StoredDocument document = find(id);
        slotOf(document, nextStepFor(document, Optional.of(step), actor), actor);
        return registry.pdf(id);
    }

    /**
     * Records a sign-off made with the official's own software: the upload must be the prepared file plus one
     * revision that signs the step's field and nothing else ({@link IncrementalSignature}), with the certificate
     * registered for the person sending it. Refused with the reason otherwise; the registry is then unchanged.
     */
    public StoredDocument signOffUploaded(DocumentId id, SignOffStep step, byte[] upload, Actor actor) {
        StoredDocument document = find(id);
        if (actor.system()) {
            throw refuse(
                    id,
                    actor,
                    SignOffRefused.Reason.FORBIDDEN,
                    "a system (API key) cannot make a personal sign-off:"
                            + " an uploaded signature must come from the person who signed it");
        }
        nextStepFor(document, Optional.of(step), actor);
        slotOf(document, step, actor);
        X509Certificate certificate;
        Instant now = registry.now();
        try {
            IncrementalSignature.Accepted accepted =
                    IncrementalSignature.check(registry.pdf(id), upload, step.name(), verifier);
            certificate = accepted.certificate();
            ownedBy(actor, accepted, now);
        } catch (SignatureUploadRefused | PdfRefusedException e) {
            registry.audit(id, actor.username(), "sign-off", "refused", "uploaded " + step + ": " + e.getMessage());
            throw e;
        }
        // made by the official's software: whatever its CMS holds, DSS adds the time-stamps the level needs
        byte[] stored = unlessUnavailable(id, actor, step, () -> augmentation.augment(upload, completes(step)));
        return record(
                document,
                step,
                actor,
                SignOffKind.PERSONAL,
                now,
                stored,
                step + " signed by " + actor.name() + " with their own software ("
                        + certificate.getSubjectX500Principal().getName() + "), personal signature");
    }

    /**
     * Issue 16 §1: the certificate belongs to the person uploading it when it is the one registered for them, or
     * when it chains to a trusted root (EU DSS rates the signature valid) and its subject holds their configured
     * identity. Either way it must be in force now: a signature made with an expired certificate proves nothing.
     */
    private void ownedBy(Actor actor, IncrementalSignature.Accepted accepted, Instant now) {
        X509Certificate certificate = accepted.certificate();
        String subject = certificate.getSubjectX500Principal().getName();
        if (now.isAfter(certificate.getNotAfter().toInstant())
                || now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.CERTIFICATE_EXPIRED,
                    "the certificate (" + subject + ") is valid from " + day(certificate.getNotBefore()) + " to "
                            + day(certificate.getNotAfter()) + ", not now");
        }
        if (keys.registeredFor(actor.username()).map(certificate::equals).orElse(false)) {
            return;
        }
        var identity = keys.identityOf(actor.username());
        if (identity.isEmpty() || !identity.get().matches(certificate)) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.NOT_YOUR_CERTIFICATE,
                    "the signature was made with a certificate that is not registered for " + actor.username()
                            + " and does not carry their identity (" + subject + ")");
        }
        if (!accepted.signature().valid()) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.UNTRUSTED_CERTIFICATE,
                    "the certificate names " + actor.username() + " but is not trusted: "
                            + accepted.signature().reason());
        }
    }

    private static String day(Date date) {
        return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC).toString();
    }

    /** The sign-off at the deployment's level; when the authority or a responder does not answer, nothing is stored. */
    private byte[] unlessUnavailable(DocumentId id, Actor actor, SignOffStep step, Supplier<byte[]> signing) {
        try {
            return signing.get();
        } catch (SigningUnavailableException e) {
            registry.audit(
                    id,
                    actor.username(),
                    "sign-off",
                    "unavailable",
                    step + " at " + augmentation.levelFor(completes(step)) + ": " + e.getMessage());
            throw e;
        }
    }

    /** Whether {@code step} is the document's last: its sign-off completes it (APROBADO). */
    private static boolean completes(SignOffStep step) {
        return SignOffStep.next(Optional.of(step)).isEmpty();
    }

    private StoredDocument find(DocumentId id) {
        return registry.find(id).orElseThrow(() -> new DocumentNotFoundException("no stored document " + id));
    }

    /** The document's next step, if the caller asked for that one and holds its role. */
    private SignOffStep nextStepFor(StoredDocument document, Optional<SignOffStep> requested, Actor actor) {
        DocumentId id = document.id();
        Optional<SignOffStep> done =
                document.signOffs().stream().map(StoredDocument.SignOff::step).reduce((a, b) -> b);
        Optional<SignOffStep> next = SignOffStep.next(done);
        if (next.isEmpty()) {
            throw refuse(
                    id,
                    actor,
                    SignOffRefused.Reason.CONFLICT,
                    "the document is already approved: all three sign-offs are done");
        }
        SignOffStep step = next.get();
        if (requested.isPresent() && requested.get() != step) {
            throw refuse(
                    id,
                    actor,
                    SignOffRefused.Reason.CONFLICT,
                    "step: the next sign-off is " + step + ", not " + requested.get()
                            + " (the order is ELABORADO, REVISADO, APROBADO)");
        }
        if (!actor.roles().contains(step.role())) {
            throw refuse(
                    id,
                    actor,
                    SignOffRefused.Reason.FORBIDDEN,
                    "the " + step + " sign-off needs the role " + step.role() + ", which " + actor.username()
                            + " does not hold");
        }
        if (properties.separateDuties()) {
            Optional<StoredDocument.SignOff> own = document.signOffs().stream()
                    .filter(s -> s.username().equals(actor.username()))
                    .findFirst();
            if (own.isPresent()) {
                // the staff page shows this text as it is: in Spanish, naming who signed which step
                throw refuse(
                        id,
                        actor,
                        SignOffRefused.Reason.SEPARATION_OF_DUTIES,
                        "Separación de funciones: "
                                + own.get().signer() + " (" + actor.username() + ") ya firmó el paso "
                                + own.get().step()
                                + " de este documento; el paso " + step + " debe firmarlo otra persona.");
            }
        }
        return step;
    }

    private SignatureSlot slotOf(StoredDocument document, SignOffStep step, Actor actor) {
        return document.slots().stream()
                .filter(s -> s.step().equals(step.name()))
                .findFirst()
                .orElseThrow(() -> refuse(
                        document.id(),
                        actor,
                        SignOffRefused.Reason.CONFLICT,
                        "a " + document.type() + " has no " + step + " cell in a signature block"));
    }

    private StoredDocument record(
            StoredDocument document,
            SignOffStep step,
            Actor actor,
            SignOffKind kind,
            Instant now,
            byte[] signed,
            String audit) {
        DocumentId id = document.id();
        if (!registry.recordSignOff(
                id, document.version(), step, actor.name(), actor.position(), actor.username(), kind, now, signed)) {
            throw refuse(
                    id,
                    actor,
                    SignOffRefused.Reason.CONFLICT,
                    "someone else signed this document at the same time; reload it");
        }
        registry.audit(id, actor.username(), "sign-off", "ok", audit);
        return registry.find(id).orElseThrow();
    }

    private SignOffRefused refuse(DocumentId id, Actor actor, SignOffRefused.Reason reason, String message) {
        registry.audit(id, actor.username(), "sign-off", "refused", message);
        return new SignOffRefused(reason, message);
    }
}
