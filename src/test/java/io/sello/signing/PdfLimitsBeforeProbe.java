package io.sello.signing;

import io.sello.support.CraftedPdfs;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Temporary: before figures of issue 14's crafted uploads against PdfVerifier directly. */
class PdfLimitsBeforeProbe {
    @Test
    void measure() {
        Map<String, Supplier<byte[]>> cases = new LinkedHashMap<>();
        cases.put("self-referencing page tree", CraftedPdfs::selfReferencingPageTree);
        cases.put("arrays nested 10,000 deep", () -> CraftedPdfs.nestedArrays(10_000));
        cases.put("4,000 signature fields, 5 MB", () -> CraftedPdfs.manySignatureFields(4000, 5_200_000));
        cases.put("JS", CraftedPdfs::withJavaScript);
        cases.put("launch", CraftedPdfs::withLaunch);
        cases.put("exe", CraftedPdfs::withEmbeddedExecutable);
        //cases.put("XRef stream bomb 1 GB", () -> CraftedPdfs.xrefStreamBomb(1024));
        for (var e : cases.entrySet()) {
            byte[] pdf = e.getValue().get();
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long before = rt.totalMemory() - rt.freeMemory();
            long start = System.nanoTime();
            String outcome;
            try {
                VerificationReport r = new PdfVerifier().verify(pdf);
                outcome = "report " + r.signatures().size() + " sigs, findings " + r.findings();
            } catch (Throwable t) {
                outcome = t.getClass().getSimpleName();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            long peak = rt.totalMemory() - rt.freeMemory();
            System.out.printf("PROBE %s: %d bytes, %d ms, heap %d MB -> %d MB, %s%n", e.getKey(), pdf.length, ms,
                    before >> 20, peak >> 20, outcome.length() > 200 ? outcome.substring(0, 200) : outcome);
        }
    }
}
