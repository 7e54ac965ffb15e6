package io.sello.signing;

import io.sello.support.CraftedPdfs;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 14's crafted uploads against the verifier itself, each refused cheaply and by name. Before the
 * limits (measured on this machine, same files): the self-referencing page tree and the 10,000-deep
 * arrays threw StackOverflowError; 4,000 signature fields in 5.5 MB took 4.6 s and 850 MB of heap;
 * the cross-reference stream of 1 GB took 33 s and 5 GB of heap (an OutOfMemoryError on a smaller heap).
 */
class PdfLimitsTest {
    private static final Duration BOUND = Duration.ofSeconds(5);
    private final PdfVerifier verifier = new PdfVerifier();

    @Test
    void fourThousandSignatureFieldsAreCountedBeforeAnyIsChecked() {
        assertOverLimit(
                () -> CraftedPdfs.manySignatureFields(4000, 5_200_000), "sello.limits.pdf.max-signature-fields", "100");
    }

    @Test
    void anXrefStreamThatInflatesToOneGigabyteIsStoppedAtTheStreamLimit() {
        assertOverLimit(() -> CraftedPdfs.xrefStreamBomb(1024), "sello.limits.pdf.max-stream-size", "64MB");
    }

    @Test
    void streamsThatTogetherInflateBeyondThePerFileLimitAreRefused() {
        PdfVerifier small = new PdfVerifier(
                new PdfLimits(null, null, null, null, DataSize.ofMegabytes(2), DataSize.ofMegabytes(4), null));
        byte[] pdf = CraftedPdfs.inflatingPages(3, 1);
        assertThat(small.verify(pdf).signatures())
                .as("3 MB together is under 4 MB")
                .isEmpty();
        PdfRefusedException refused = refused(() -> small.verify(CraftedPdfs.inflatingPages(5, 1)));
        assertThat(refused.limit()).isEqualTo("sello.limits.pdf.max-decompressed-size");
    }

    @Test
    void arraysNestedTenThousandDeepAreRefusedAtTheDepthLimit() {
        assertOverLimit(() -> CraftedPdfs.nestedArrays(10_000), "sello.limits.pdf.max-depth", "64");
        assertThat(verifier.verify(CraftedPdfs.nestedArrays(60)).signatures())
                .as("60 deep is allowed")
                .isEmpty();
    }

    @Test
    void objectsAndRevisionsAreCounted() {
        assertOverLimit(() -> CraftedPdfs.manyObjects(200_001), "sello.limits.pdf.max-objects", "200000");
        assertOverLimit(() -> CraftedPdfs.manyRevisions(100), "sello.limits.pdf.max-revisions", "100");
        assertThat(verifier.verify(CraftedPdfs.manyRevisions(99)).revisions()).isEqualTo(100);
    }

    @Test
    void aPageTreeThatContainsItselfIsUnreadableNotAStackOverflow() {
        byte[] pdf = CraftedPdfs.selfReferencingPageTree();
        assertThat(pdf).hasSize(244);
        PdfRefusedException refused = refused(() -> verifier.verify(pdf));
        assertThat(refused.overLimit()).isFalse();
        assertThat(refused.getMessage())
                .isEqualTo("the file is not a readable PDF: its objects refer to themselves or nest too deep");
        assertThat(refused.getStackTrace()).as("nothing to log").isEmpty();
    }

    /**
     * With the object limit lifted, a trailer declaring a billion objects makes the parser ask for a 16 GB table at once:
     * the OutOfMemoryError fails this one verification as unreadable, and nothing was allocated that stays. With the
     * default limit the same file never reaches the parser (objectsAndRevisionsAreCounted, the hostile suite).
     */
    @Test
    void anOutOfMemoryErrorInTheParseIsAnUnreadableFile() {
        PdfVerifier unlimited = new PdfVerifier(new PdfLimits(null, null, Integer.MAX_VALUE, null, null, null, null));
        PdfRefusedException refused = refused(() -> unlimited.verify(CraftedPdfs.declaredObjects(1_000_000_000L)));
        assertThat(refused.getMessage())
                .isEqualTo("the file is not a readable PDF: it needs more memory than verification may use");
        assertThat(verifier.verify(CraftedPdfs.nestedArrays(3)).signatures())
                .as("the next verification works")
                .isEmpty();
    }

    @Test
    void javaScriptLaunchActionsAndEmbeddedExecutablesAreFindings() {
        assertThat(verifier.verify(CraftedPdfs.withJavaScript()).findings())
                .containsExactly("the file contains JavaScript; the signatures are checked as for any other content,"
                        + " but a viewer may act on it when the file is opened");
        assertThat(verifier.verify(CraftedPdfs.withLaunch()).findings())
                .singleElement()
                .asString()
                .startsWith("the file contains a launch action, which asks the viewer to start a program");
        assertThat(verifier.verify(CraftedPdfs.withEmbeddedExecutable()).findings())
                .containsExactly(
                        "the file embeds an executable program: a Windows program (MZ); do not open or run it. The signatures are checked"
                                + " as for any other content, but a viewer may act on it when the file is opened",
                        "the file embeds files: factura.pdf; the signatures are checked as for any other content, but a viewer may act"
                                + " on it when the file is opened");
        assertThat(verifier.verify(CraftedPdfs.nestedArrays(3)).findings())
                .as("a plain file has none")
                .isEmpty();
    }

    @Test
    void aBadLimitStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> new PdfLimits(0, null, null, null, null, null, null))
                .hasMessageContaining("sello.limits.pdf.max-signature-fields must be at least 1");
        assertThatThrownBy(() ->
                        new PdfLimits(null, null, null, null, DataSize.ofMegabytes(10), DataSize.ofMegabytes(5), null))
                .hasMessageContaining("sello.limits.pdf.max-decompressed-size must be at least max-stream-size");
    }

    private void assertOverLimit(Supplier<byte[]> attack, String limit, String value) {
        byte[] pdf = attack.get();
        long start = System.nanoTime();
        PdfRefusedException refused = refused(() -> verifier.verify(pdf));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%s: %d bytes refused in %d ms%n", limit, pdf.length, millis);
        assertThat(refused.limit()).isEqualTo(limit);
        assertThat(String.valueOf(refused.value())).isEqualTo(value);
        assertThat(refused.getMessage()).startsWith("the file is over " + limit + " (" + value + ")");
    }

    private static PdfRefusedException refused(Runnable verification) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                verification.run();
            } catch (PdfRefusedException e) {
                return e;
            }
            throw new AssertionError("not refused");
        });
    }
}
