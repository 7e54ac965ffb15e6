package io.sello.signing;

import com.lowagie.text.pdf.PdfReader;

import java.io.IOException;

/**
 * An uploaded, untrusted PDF opened for reading by another feature than the verifier (a filled form, issue 17), with
 * the verifier's defences: the raw-byte {@link PdfPrescan} against {@link PdfLimits} before OpenPDF parses anything, and
 * a parse that overflows the stack or runs out of memory refused as this request's failure, not the service's.
 */
public final class UploadedPdf {
    private UploadedPdf() {
    }

    /**
     * @throws PdfRefusedException over one of {@code limits}, or not a readable PDF (answered 422 by the web layer)
     */
    public static PdfReader open(byte[] pdf, PdfLimits limits) {
        if (pdf == null || pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F') {
            throw PdfRefusedException.unreadable("it does not start with %PDF");
        }
        PdfPrescan.check(pdf, limits);
        try {
            return new PdfReader(pdf);
        } catch (StackOverflowError e) {
            throw PdfRefusedException.unreadable("its objects refer to themselves or nest too deep");
        } catch (OutOfMemoryError e) {
            throw PdfRefusedException.unreadable("it needs more memory than verification may use");
        } catch (IOException | RuntimeException e) {
            throw PdfRefusedException.unreadable("it does not parse");
        }
    }

    /** The refusal of a file whose objects broke a reader after it opened (a field dictionary that is not one, a loop). */
    public static PdfRefusedException unparsable(Throwable e) {
        return e instanceof StackOverflowError ? PdfRefusedException.unreadable("its objects refer to themselves or nest too deep")
                : PdfRefusedException.unreadable("it does not parse");
    }
}
