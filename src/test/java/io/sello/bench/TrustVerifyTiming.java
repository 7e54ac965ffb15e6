package io.sello.bench;

import io.sello.Sello;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.rendering.RenderingProperties;
import io.sello.signing.PdfLimits;
import io.sello.signing.PdfSigner;
import io.sello.signing.PdfVerifier;
import io.sello.signing.SignatureCheck;
import io.sello.signing.Signer;
import io.sello.signing.TrustValidator;
import io.sello.signing.Verdict;
import io.sello.support.TestPki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * How long verifying a Formulario N.5.B with three signatures takes now that EU DSS rates each one (issue 16: under
 * 50 ms). Three signers of the offline test PKI, their chain trusted, the CRLs given offline; times the whole
 * {@link PdfVerifier#verify} (Sello's checks + DSS) and DSS alone, after a warm-up, in one JVM. docs/benchmarks.md
 * has the command and the figures.
 */
public final class TrustVerifyTiming {
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
        PdfSigner signer = new PdfSigner(ZoneId.of("America/La_Paz"));
        byte[] pdf = form.content();
        for (SignatureSlot slot : form.signatureSlots()) {
            pdf = signer.sign(pdf, slot, new Signer(slot.step(), "Firmante", "Cargo"), pki.valid, Instant.now());
        }
        TrustValidator trust = pki.offlineTrust();
        PdfVerifier verifier = new PdfVerifier(PdfLimits.DEFAULTS, trust);
        List<SignatureCheck> checks = verifier.verify(pdf).signatures();
        if (checks.size() != 3 || !checks.stream().allMatch(c -> c.verdict() == Verdict.VALID)) {
            throw new IllegalStateException("expected three VALID signatures: " + checks);
        }
        byte[] signed = pdf;
        System.out.printf(
                "file: %d bytes, 3 signatures, all VALID (B-B, RSA 3072, chain of 3, CRLs offline)%n", signed.length);
        RepeatedTiming.report("PdfVerifier.verify (Sello + DSS)", warmup, runs, () -> verifier.verify(signed));
        RepeatedTiming.report("TrustValidator.rate (DSS only)", warmup, runs, () -> trust.rate(signed));
        RepeatedTiming.report(
                "PdfVerifier.verify, no anchors (dev key case)", warmup, runs, () -> new PdfVerifier().verify(signed));
    }
}
