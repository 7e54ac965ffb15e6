package io.sello.signing;

import eu.europa.esig.dss.diagnostic.DiagnosticDataFacade;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.pdf.openpdf.ITextDefaultPdfObjFactory;
import eu.europa.esig.dss.validation.reports.Reports;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.support.Fixtures;
import io.sello.support.Tampering;
import io.sello.support.TestPki;
import io.sello.support.TestTsa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RevisionReaders} (issue 16, verifying a B-LTA form in under 50 ms) may only save work: on every file, DSS
 * must say exactly what it says with its own factory, down to the last element of the diagnostic data, the simple
 * report and the detailed report (modification detection included), and on attacked files too.
 */
class RevisionReadersTest {
    private static TestPki pki;
    private static TestTsa tsa;
    private static RenderedDocument form;
    private static TrustValidator trust;
    /** Three sign-offs, each extended to B-LTA: 13 revisions, 3 signatures, 6 document timestamps. */
    private static byte[] lta;

    @BeforeAll
    static void setUp() throws Exception {
        pki = new TestPki();
        tsa = TestTsa.issuedBy(pki);
        form = Fixtures.poaForm().render(Fixtures.seedExample(), RenderOptions.STRICT);
        trust = pki.offlineTrust()
                .validatingAt(Clock.fixed(Instant.now().plusSeconds(5), ZoneOffset.UTC)); // both runs at the same time
        byte[] pdf = form.content();
        for (String step : List.of("ELABORADO", "REVISADO", "APROBADO")) {
            pdf = tsa.extend(sign(pdf, step), SignatureLevel.PAdES_BASELINE_LTA, pki);
        }
        lta = pdf;
    }

    private static byte[] sign(byte[] pdf, String step) {
        SignatureSlot slot = form.signatureSlots().stream()
                .filter(s -> s.step().equals(step))
                .findFirst()
                .orElseThrow();
        return new PdfSigner(ZoneId.of("America/La_Paz"))
                .sign(pdf, slot, new Signer(step, "Ana Quispe", "Cargo"), pki.valid, Instant.now());
    }

    @Test
    void aThreeSignOffLtaFormIsRatedExactlyAsDssRatesItWithAThirdOfTheParses() {
        try (RevisionReaders readers = new RevisionReaders()) {
            String shared = reports(lta, readers);
            assertThat(shared).isEqualTo(reports(lta, new ITextDefaultPdfObjFactory()));
            assertThat(shared).contains("TOTAL_PASSED").doesNotContain("FORMAT_FAILURE");
            // each of the 13 revisions parsed once (the whole file is the last revision); DSS alone parses 35 times
            assertThat(readers.parses()).isEqualTo(13);
            assertThat(readers.reuses()).isEqualTo(22);
        }
    }

    @Test
    void attackedFilesAreRatedExactlyAsDssRatesThem() throws Exception {
        byte[] paintedOver = Tampering.appendPaintOver(lta);
        byte[] flipped = Tampering.flipByteInFirstStream(lta);
        // a change, then a later signature and time-stamp over it: only DSS's comparison of revisions sees it
        byte[] signedOverAChange = tsa.extend(
                sign(
                        Tampering.appendPaintOver(
                                tsa.extend(sign(form.content(), "ELABORADO"), SignatureLevel.PAdES_BASELINE_LTA, pki)),
                        "REVISADO"),
                SignatureLevel.PAdES_BASELINE_LTA,
                pki);
        // each with what shows that DSS saw the attack (the files are not just unreadable to both)
        Map<byte[], String> attacks = Map.of(
                paintedOver, "action=\"MODIFICATION\">[^<]*/Contents \\d+ 0 R<",
                flipped, "<SubIndication>HASH_FAILURE</SubIndication>",
                signedOverAChange, "action=\"MODIFICATION\">[^<]*/Contents \\d+ 0 R<");
        attacks.forEach((attacked, seen) -> {
            try (RevisionReaders readers = new RevisionReaders()) {
                String shared = reports(attacked, readers);
                assertThat(shared).isEqualTo(reports(attacked, new ITextDefaultPdfObjFactory()));
                assertThat(shared).containsPattern(seen);
            }
        });
    }

    private static String reports(byte[] pdf, IPdfObjFactory factory) {
        Reports reports = trust.validate(pdf, factory);
        try {
            return DiagnosticDataFacade.newFacade().marshall(reports.getDiagnosticDataJaxb(), true)
                    + reports.getXmlSimpleReport()
                    + reports.getXmlDetailedReport();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
