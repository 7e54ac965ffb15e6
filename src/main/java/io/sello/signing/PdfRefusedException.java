package io.sello.signing;

import org.springframework.util.unit.DataSize;

/**
 * An uploaded PDF the verifier will not report on: over one of {@link PdfLimits} (422
 * {@code /problems/pdf-over-limit}, naming the key and its value), or not readable at all (422
 * {@code /problems/unreadable-pdf}). Never carries a cause: nothing of the parser's internals is logged or answered.
 */
public final class PdfRefusedException extends RuntimeException {
    private final String limit;
    private final Object value;

    private PdfRefusedException(String message, String limit, Object value) {
        super(message, null, false, false);
        this.limit = limit;
        this.value = value;
    }

    static PdfRefusedException overLimit(String key, Object limit, String what) {
        Object value = limit instanceof DataSize size ? shown(size) : limit;
        return new PdfRefusedException(
                "the file is over sello.limits.pdf." + key + " (" + value + "): " + what,
                "sello.limits.pdf." + key,
                value);
    }

    /** 64MB rather than 67108864B, as the property is usually written. */
    private static String shown(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + "KB" : bytes + "B";
    }

    static PdfRefusedException unreadable(String why) {
        return new PdfRefusedException("the file is not a readable PDF: " + why, null, null);
    }

    /** What parsing an uploaded PDF threw, said as the reason it is unreadable (the verifier's and the form reader's). */
    static PdfRefusedException whileParsing(Throwable e) {
        if (e instanceof StackOverflowError) {
            return unreadable("its objects refer to themselves or nest too deep");
        }
        if (e instanceof OutOfMemoryError) {
            return unreadable("it needs more memory than verification may use");
        }
        return unreadable("it does not parse");
    }

    /** The full property name of the limit, or null when the file is unreadable. */
    public String limit() {
        return limit;
    }

    public Object value() {
        return value;
    }

    public boolean overLimit() {
        return limit != null;
    }
}
