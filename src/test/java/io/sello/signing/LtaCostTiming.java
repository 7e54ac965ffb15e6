package io.sello.signing;

import com.lowagie.text.pdf.PdfReader;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESUtils;
import eu.europa.esig.dss.pdf.modifications.PdfObjectModifications;
import io.sello.Sello;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.rendering.RenderingProperties;
import io.sello.support.PkiServer;
import io.sello.support.TestPki;
import io.sello.support.TestTsa;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the time of verifying a three-sign-off B-LTA Formulario N.5.B goes (issue 16: under 50 ms), in thread CPU time
 * (ThreadMXBean: on the shared 2-core machine wall time mostly measures the other builds). The parts run interleaved,
 * one of each per round, so load changes hit them alike.
 *
 * <p>Five files, each the form with three sign-offs taken to B-LTA:
 * <ul>
 *   <li>"bench, 13 rev.": as {@code LtaVerifyTiming} built it until 2026-11-28: a B-B CMS per sign-off, extended by
 *       DSS with the in-process {@link TestTsa} and the PKI's CRLs (signature time-stamp as a document time-stamp,
 *       /DSS, archive time-stamp: 4 revisions per sign-off);</li>
 *   <li>"bench, 10 rev.": the same, with the signature time-stamp inside the CMS ({@link PdfSigner} with a TSA, as
 *       {@code SignOffService} signs): 3 revisions per sign-off;</li>
 *   <li>"service, 13/10 rev.": both made as the service makes them with {@code sello.signing.long-term-data=
 *       each-sign-off}, {@link SignatureAugmentation} against {@link PkiServer} on loopback (OCSP answers embedded),
 *       verified offline; here DSS rates all three signatures B-LTA (in the bench files it rates the 2nd and 3rd B-T:
 *       the CRLs DSS embeds are older than those signatures);</li>
 *   <li>"service, 6 rev. (on approval)": as the service makes it by default ({@link LongTermData#ON_APPROVAL}):
 *       three B-T sign-offs, then one /DSS revision and one archive time-stamp when the last completes the form.</li>
 * </ul>
 * Not kept in the code: the run without DSS's object-modification finder (it only ever warns under the default policy,
 * but its findings are DSS's only view of a change made inside a later signature's revision). Arguments: timed rounds
 * (after 20 warm-up rounds), and optionally a folder to write the two service-made files of today into.
 */
public final class LtaCostTiming {
    public static void main(String[] args) throws Exception {
        RenderedDocument form = Sello.documentTypes(RenderingProperties.defaults())
                .find("poa-execution-form")
                .orElseThrow()
                .render(
                        Files.readAllBytes(Path.of("examples/poa-execution-form/senavex-2020-julio.json")),
                        RenderOptions.STRICT);
        TestPki pki = new TestPki();
        TestTsa tsa = TestTsa.issuedBy(pki);
        PdfSigner signer = new PdfSigner(ZoneId.of("America/La_Paz"));
        byte[] ten = form.content();
        byte[] thirteen = form.content();
        for (SignatureSlot slot : form.signatureSlots()) {
            Signer who = new Signer(slot.step(), "Firmante", "Cargo");
            ten = tsa.extend(
                    signer.sign(ten, slot, who, pki.valid, Instant.now(), tsa.source()),
                    SignatureLevel.PAdES_BASELINE_LTA,
                    pki);
            thirteen = tsa.extend(
                    signer.sign(thirteen, slot, who, pki.valid, Instant.now()), SignatureLevel.PAdES_BASELINE_LTA, pki);
        }
        final byte[] bench10 = ten;
        final byte[] bench13 = thirteen;
        TrustValidator trust = pki.offlineTrust();
        PdfVerifier verifier = new PdfVerifier(PdfLimits.DEFAULTS, trust);

        final byte[] service10;
        final byte[] service13;
        final byte[] service6;
        final TrustValidator offline;
        try (PkiServer server = PkiServer.start(true)) {
            TrustValidator fetching =
                    new TrustValidator(new TrustProperties(server.rootPemFolder(), true, List.of(server.host())));
            SigningProperties.Tsa authority =
                    new SigningProperties.Tsa(URI.create(server.tsaUrl()), null, Duration.ofSeconds(10));
            // the default: the long-term layer once, when the last sign-off completes the form
            SignatureAugmentation onApproval =
                    SignatureAugmentation.of(new SigningProperties(PadesLevel.B_LTA, authority), fetching);
            SignatureAugmentation eachSignOff = SignatureAugmentation.of(
                    new SigningProperties(
                            null, null, null, null, null, PadesLevel.B_LTA, authority, LongTermData.EACH_SIGN_OFF),
                    fetching);
            byte[] six = form.content();
            ten = form.content();
            thirteen = form.content();
            List<SignatureSlot> slots = form.signatureSlots();
            for (SignatureSlot slot : slots) {
                Signer who = new Signer(slot.step(), "Firmante", "Cargo");
                boolean last = slot == slots.get(slots.size() - 1);
                six = onApproval.augmentTimestamped(
                        signer.sign(six, slot, who, server.pki.valid, Instant.now(), onApproval.signatureTimestamps()),
                        last);
                ten = eachSignOff.augmentTimestamped(
                        signer.sign(ten, slot, who, server.pki.valid, Instant.now(), eachSignOff.signatureTimestamps()),
                        last);
                // before the signature time-stamp went into the CMS: DSS added a document time-stamp per sign-off
                thirteen = eachSignOff.augment(signer.sign(thirteen, slot, who, server.pki.valid, Instant.now()), last);
            }
            service6 = six;
            service10 = ten;
            service13 = thirteen;
            offline = new TrustValidator(new TrustProperties(server.rootPemFolder(), false, List.of()));
        }
        PdfVerifier offlineVerifier = new PdfVerifier(PdfLimits.DEFAULTS, offline);
        for (byte[] file : List.of(bench13, bench10)) {
            describe(file, verifier.verify(file), false);
        }
        for (byte[] file : List.of(service13, service10, service6)) {
            describe(file, offlineVerifier.verify(file), true);
        }

        int rounds = Integer.parseInt(args[0]);
        if (args.length > 1) {
            // the files themselves, to look at (pdftoppm) or to time elsewhere
            Path folder = Files.createDirectories(Path.of(args[1]));
            Files.write(folder.resolve("service-6-revisions.pdf"), service6);
            Files.write(folder.resolve("service-10-revisions.pdf"), service10);
        }
        List<String> names = new ArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        add(names, tasks, "verify, bench, 13 rev.", () -> verifier.verify(bench13));
        add(names, tasks, "verify, bench, 10 rev.", () -> verifier.verify(bench10));
        add(names, tasks, "verify, service, 13 rev.", () -> offlineVerifier.verify(service13));
        add(names, tasks, "verify, service, 10 rev.", () -> offlineVerifier.verify(service10));
        add(names, tasks, "verify, service, 6 rev. (on approval)", () -> offlineVerifier.verify(service6));
        add(names, tasks, "DSS (rateAll), bench, 13 rev.", () -> trust.rateAll(bench13));
        add(names, tasks, "DSS (rateAll), bench, 10 rev.", () -> trust.rateAll(bench10));
        add(names, tasks, "DSS (rateAll), service, 13 rev.", () -> offline.rateAll(service13));
        add(names, tasks, "DSS (rateAll), service, 10 rev.", () -> offline.rateAll(service10));
        add(names, tasks, "DSS (rateAll), service, 6 rev. (on approval)", () -> offline.rateAll(service6));
        add(names, tasks, "not kept: DSS, service 10, no modification finder", () -> {
            try (RevisionReaders r = new RevisionReaders()) {
                r.setPdfObjectModificationsFinder((a, b) -> new PdfObjectModifications());
                offline.validate(service10, r);
            }
        });
        add(
                names,
                tasks,
                "PAdESUtils.extractRevisions, service 10",
                () -> PAdESUtils.extractRevisions(new InMemoryDocument(service10)));
        add(names, tasks, "one OpenPDF parse, service 10", () -> {
            try {
                new PdfReader(service10).close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        var threads = ManagementFactory.getThreadMXBean();
        double[][] cpu = new double[tasks.size()][rounds];
        double[][] wall = new double[tasks.size()][rounds];
        System.out.printf(
                "load average at start %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int round = -20; round < rounds; round++) {
            for (int t = 0; t < tasks.size(); t++) {
                long c = threads.getCurrentThreadCpuTime();
                long w = System.nanoTime();
                tasks.get(t).run();
                if (round >= 0) {
                    cpu[t][round] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
                    wall[t][round] = (System.nanoTime() - w) / 1e6;
                }
            }
        }
        for (int t = 0; t < tasks.size(); t++) {
            Arrays.sort(cpu[t]);
            Arrays.sort(wall[t]);
            System.out.printf(
                    "%-52s cpu median %6.1f ms  min %6.1f ms   wall median %6.1f ms  min %6.1f ms%n",
                    names.get(t), cpu[t][rounds / 2], cpu[t][0], wall[t][rounds / 2], wall[t][0]);
        }
        System.out.printf(
                "load average at end %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void add(List<String> names, List<Runnable> tasks, String name, Runnable task) {
        names.add(name);
        tasks.add(task);
    }

    private static void describe(byte[] file, VerificationReport report, boolean allLta) {
        if (report.signatures().size() != 3
                || !report.intact()
                || !report.findings().isEmpty()
                || !report.signatures().stream().allMatch(SignatureCheck::valid)
                || allLta && !report.signatures().stream().allMatch(c -> "B-LTA".equals(c.level()))) {
            throw new IllegalStateException(
                    "expected three valid signatures" + (allLta ? " at B-LTA" : "") + ", nothing changed: " + report);
        }
        System.out.printf(
                "file: %d bytes, %d revisions, %d document time-stamps, levels %s%n",
                file.length,
                report.revisions(),
                report.timestamps().size(),
                report.signatures().stream().map(SignatureCheck::level).toList());
    }
}
