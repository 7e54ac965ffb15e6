package io.sello.pdfdata;

import org.springframework.http.HttpStatus;

/**
 * A PDF whose data {@code POST …/import} does not give back: not a PDF, a PDF that carries no Sello data (422), or
 * embedded data larger than a JSON request may be (413). Never carries a cause: nothing of the parser is answered.
 */
final class PdfDataRefusedException extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final String title;

    private PdfDataRefusedException(HttpStatus status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    static PdfDataRefusedException unreadable() {
        return new PdfDataRefusedException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unreadable-pdf",
                "Unreadable PDF",
                "the file is not a readable PDF; send the PDF as Sello made it");
    }

    static PdfDataRefusedException noData() {
        return new PdfDataRefusedException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "no-embedded-data",
                "PDF without Sello data",
                "the PDF carries no Sello data (no embedded JSON source file); only PDFs made by Sello do, and the visible"
                        + " text of a PDF is never read");
    }

    static PdfDataRefusedException tooLarge(long maxBytes) {
        return new PdfDataRefusedException(
                HttpStatus.CONTENT_TOO_LARGE,
                "embedded-data-too-large",
                "Embedded data too large",
                "the PDF's embedded data is larger than the "
                        + (maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB")
                        + " a JSON request may be (sello.limits.max-body-size)");
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
