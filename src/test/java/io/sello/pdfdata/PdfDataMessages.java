package io.sello.pdfdata;

import org.springframework.http.ProblemDetail;

import java.util.List;

/** Every problem the PDF import answers, for the Spanish catalogue's completeness test (MessageHarvest). */
public final class PdfDataMessages {
    private PdfDataMessages() {}

    public static List<ProblemDetail> problems() {
        PdfDataProblems advice = new PdfDataProblems();
        return List.of(
                advice.refused(PdfDataRefusedException.noData()),
                advice.refused(PdfDataRefusedException.unreadable()),
                advice.refused(PdfDataRefusedException.tooLarge(16L * 1024 * 1024)),
                advice.refused(PdfDataRefusedException.tooLarge(512L * 1024)));
    }
}
