package io.sello.bench;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import io.sello.Sello;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.rendering.RenderingProperties;
import io.sello.signing.PdfLimits;
import io.sello.signing.PdfSigner;
import io.sello.signing.PdfVerifier;
import io.sello.signing.Signer;
import io.sello.signing.TrustValidator;
import io.sello.signing.VerificationReport;
import io.sello.support.TestPki;
import io.sello.support.TestTsa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

/**
 * How long verifying a B-LTA Formulario N.5.B takes (issue 16: under 50 ms): three sign-offs, each followed by EU DSS
 * {@code extendDocument} to B-LTA with the in-process {@link TestTsa}; each signature carries its signature time-stamp
 * in the CMS, as {@code SignOffService} makes them, so the file holds 10 revisions: 3 signatures, 3 archive document
 * timestamps and 3 /DSS revisions. Times {@link PdfVerifier#verify} and DSS alone ({@link TrustValidator#rateAll});
 * the difference is Sello's own checks, including the comparison of each /DSS revision with the one before.
 * Arguments: warm-up runs, timed runs, and optionally a path to write the B-LTA file to.
 */
public final class LtaVerifyTiming {
    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        RenderedDocument form = Sello.documentTypes(RenderingProperties.defaults())
                .find("poa-execution-form")
                .orElseThrow()
                .render(
                        Files.readAllBytes(Path.of("examples/poa-execution-form/senavex-2020-julio.json")),
                        RenderOptions.STRICT);
        TestPki pki = new TestPki();
        TestTsa tsa = TestTsa.issuedBy(pki);
        PdfSigner signer = new PdfSigner(ZoneId.of("America/La_Paz"));
        byte[] pdf = form.content();
        byte[] threeBb = pdf;
        for (SignatureSlot slot : form.signatureSlots()) {
            // as SignOffService signs at B-LTA: the signature time-stamp inside the CMS (B-T as made), then DSS adds
            // the /DSS revision and the archive time-stamp: 3 revisions per sign-off
            pdf = signer.sign(
                    pdf, slot, new Signer(slot.step(), "Firmante", "Cargo"), pki.valid, Instant.now(), tsa.source());
            threeBb =
                    signer.sign(threeBb, slot, new Signer(slot.step(), "Firmante", "Cargo"), pki.valid, Instant.now());
            pdf = tsa.extend(pdf, SignatureLevel.PAdES_BASELINE_LTA, pki);
        }
        TrustValidator trust = pki.offlineTrust();
        PdfVerifier verifier = new PdfVerifier(PdfLimits.DEFAULTS, trust);
        VerificationReport report = verifier.verify(pdf);
        if (report.signatures().size() != 3
                || !report.intact()
                || !report.findings().isEmpty()) {
            throw new IllegalStateException("expected three intact, unchanged signatures: " + report);
        }
        byte[] lta = pdf;
        if (args.length > 2) {
            Files.write(Path.of(args[2]), lta); // for ValidationDataTiming
        }
        byte[] bb = threeBb;
        System.out.printf(
                "file: %d bytes, %d revisions, 3 signatures (%s), %d document timestamps, all intact%n",
                lta.length,
                report.revisions(),
                report.signatures().stream()
                        .map(s -> s.level() + " " + s.verdict())
                        .toList(),
                report.timestamps().size());
        RepeatedTiming.report("PdfVerifier.verify, B-LTA (Sello + DSS)", warmup, runs, () -> verifier.verify(lta));
        RepeatedTiming.report("TrustValidator.rateAll, B-LTA (DSS only)", warmup, runs, () -> trust.rateAll(lta));
        RepeatedTiming.report("PdfVerifier.verify, same 3 sign-offs as B-B", warmup, runs, () -> verifier.verify(bb));
        RepeatedTiming.report("TrustValidator.rateAll, B-B (DSS only)", warmup, runs, () -> trust.rateAll(bb));
    }
}
