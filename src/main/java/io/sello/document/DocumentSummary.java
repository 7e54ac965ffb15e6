package io.sello.document;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a person holding a printout recognises a document by (issue 15, point 5): the verification
 * page behind the QR code shows it above the signatures. Each type builds it from its own data.
 *
 * @param title        the document's title as printed, e.g. "FORMULARIO N.5.B — SEGUIMIENTO A LA EJECUCION FINANCIERA - MES DE JULIO"
 * @param organisation who issued it (an institution, the parties to an agreement)
 * @param reference    what tells it apart from its siblings (plan and code, project and phase, period), or ""
 * @param date         as a person reads it: {@code dd/mm/aaaa} for a date the data holds as one, else the
 *                     document's own words ("Lima, Setiembre 2008"), or ""
 */
public record DocumentSummary(String title, String organisation, String reference, String date) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public DocumentSummary {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a summary has a title");
        }
        organisation = organisation == null ? "" : organisation.strip();
        reference = reference == null ? "" : reference.strip();
        date = date == null ? "" : date.strip();
    }

    /** A date as the page prints it, {@code 07/07/2021}. */
    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /**
     * When the stored data no longer reads (a document stored under an older contract), the page still
     * names the kind of document rather than failing: the signatures and hashes are what it is for.
     */
    public static DocumentSummary ofType(DocumentType type) {
        return new DocumentSummary(type.title(), "", "", "");
    }

    /** {@code a — b}, leaving out the blank ones. */
    public static String joined(String separator, String... parts) {
        return Arrays.stream(parts)
                .filter(p -> p != null && !p.isBlank())
                .map(String::strip)
                .reduce((a, b) -> a + separator + b)
                .orElse("");
    }
}
