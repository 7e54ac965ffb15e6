package io.sello.bench;

import io.sello.Sello;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.rendering.RenderingProperties;
import io.sello.signing.PadesLevel;
import io.sello.signing.PdfLimits;
import io.sello.signing.PdfSigner;
import io.sello.signing.PdfVerifier;
import io.sello.signing.SignatureAugmentation;
import io.sello.signing.SignatureCheck;
import io.sello.signing.Signer;
import io.sello.signing.SigningProperties;
import io.sello.signing.TrustProperties;
import io.sello.signing.TrustValidator;
import io.sello.signing.Verdict;
import io.sello.support.PkiServer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * Issue 16, benchmarks: a sign-off at B-B, B-T and B-LTA, and verifying the Formulario N.5.B once all three
 * sign-offs are made at that level, as {@code SignOffService} makes them: from B-T up the signature time-stamp is in
 * the CMS (3 signatures; at B-LTA also 3 DSS revisions and 3 archive document time-stamps, 10 revisions). The PKI
 * runs on loopback ({@link PkiServer}: RFC 3161 TSA, OCSP, CRLs), so a sign-off's time includes the HTTP round trips
 * to the local TSA and OCSP responder, as in a deployment with a near TSA; verification is offline for B-LT/B-LTA
 * (everything is embedded) and uses OCSP on loopback for B-B and B-T. Repeated timing in one JVM (not JMH);
 * docs/benchmarks.md has the command and the figures.
 */
public final class LevelTiming {
    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        RenderedDocument form = Sello.documentTypes(RenderingProperties.defaults())
                .find("poa-execution-form")
                .orElseThrow()
                .render(
                        Files.readAllBytes(Path.of("examples/poa-execution-form/senavex-2020-julio.json")),
                        RenderOptions.STRICT);
        try (PkiServer pki = PkiServer.start(true)) {
            TrustProperties fetching = new TrustProperties(pki.rootPemFolder(), true, List.of(pki.host()));
            TrustValidator trust = new TrustValidator(fetching);
            TrustProperties offline = new TrustProperties(pki.rootPemFolder(), false, List.of());
            PdfSigner signer = new PdfSigner(ZoneId.of("America/La_Paz"));
            System.out.printf(
                    "Formulario N.5.B, %d bytes unsigned; signer RSA 3072 (root, issuing CA, signer); TSA, OCSP and CRLs on loopback%n",
                    form.content().length);
            for (PadesLevel level : List.of(PadesLevel.B_B, PadesLevel.B_T, PadesLevel.B_LTA)) {
                SignatureAugmentation augmentation = level == PadesLevel.B_B
                        ? SignatureAugmentation.NONE
                        : SignatureAugmentation.of(
                                new SigningProperties(
                                        level,
                                        new SigningProperties.Tsa(
                                                URI.create(pki.tsaUrl()), null, Duration.ofSeconds(10))),
                                trust);
                Supplier<byte[]> threeSignOffs = () -> {
                    byte[] pdf = form.content();
                    List<SignatureSlot> slots = form.signatureSlots();
                    for (SignatureSlot slot : slots) {
                        pdf = augmentation.augmentTimestamped(
                                signer.sign(
                                        pdf,
                                        slot,
                                        new Signer(slot.step(), "Firmante", "Cargo"),
                                        pki.pki.valid,
                                        Instant.now(),
                                        augmentation.signatureTimestamps()),
                                slot == slots.get(slots.size() - 1));
                    }
                    return pdf;
                };
                byte[] signed = threeSignOffs.get();
                PdfVerifier verifier =
                        new PdfVerifier(PdfLimits.DEFAULTS, level.longTerm() ? new TrustValidator(offline) : trust);
                List<SignatureCheck> checks = verifier.verify(signed).signatures();
                if (checks.size() != 3
                        || !checks.stream()
                                .allMatch(c -> c.verdict() == Verdict.VALID
                                        && level.label().equals(c.level()))) {
                    throw new IllegalStateException(
                            level + ": expected three VALID signatures at that level: " + checks);
                }
                byte[] first = form.content();
                SignatureSlot slot = form.signatureSlots().get(0);
                RepeatedTiming.report(
                        level + " one sign-off (sign + " + (level == PadesLevel.B_B ? "nothing" : "augment") + ")",
                        warmup,
                        runs,
                        // a sign-off that completes the document: the one that adds the long-term layer
                        () -> augmentation.augmentTimestamped(
                                signer.sign(
                                        first,
                                        slot,
                                        new Signer(slot.step(), "Firmante", "Cargo"),
                                        pki.pki.valid,
                                        Instant.now(),
                                        augmentation.signatureTimestamps()),
                                true));
                RepeatedTiming.report(
                        level + " verify 3 signatures (" + signed.length / 1024 + " KiB"
                                + (level.longTerm() ? ", offline)" : ", OCSP on loopback)"),
                        warmup,
                        runs,
                        () -> verifier.verify(signed));
            }
        }
    }
}
