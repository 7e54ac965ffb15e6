package io.sello.spreadsheet;

import org.springframework.http.HttpStatus;

/** An uploaded workbook the service will not read: not a workbook, macro-enabled, or too large once inflated. */
final class SpreadsheetRefusedException extends RuntimeException {
    private final HttpStatus status;
    private final String type;

    private SpreadsheetRefusedException(HttpStatus status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    /** 422: nothing is wrong with the request's size, the file itself cannot or must not be read. */
    static SpreadsheetRefusedException unreadable(String detail) {
        return new SpreadsheetRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-spreadsheet", detail);
    }

    /** 413: the file asks for more than the service inflates (a zip bomb, an oversized part). */
    static SpreadsheetRefusedException tooLarge(String detail) {
        return new SpreadsheetRefusedException(HttpStatus.CONTENT_TOO_LARGE, "spreadsheet-too-large", detail);
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }
}
