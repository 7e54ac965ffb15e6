package example.transmittal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A Nota de remisión: the cover letter that goes with a set of documents (a monthly Formulario N.5.B, a Plan Operativo)
 * from a planning office to an agency. The recipe's example type (docs/architecture.md): small, but with a figure the
 * service computes (the pages of all enclosures) and one the sender declares, which must agree.
 *
 * @param declaredPages what the sender wrote as the total, or {@code null}
 */
record TransmittalNote(
        String number,
        LocalDate date,
        String sender,
        String recipient,
        String subject,
        List<Enclosure> enclosures,
        Integer declaredPages) {
    TransmittalNote {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        enclosures = List.copyOf(enclosures);
        if (enclosures.isEmpty()) {
            throw new IllegalArgumentException("a transmittal note sends at least one document");
        }
    }

    /** One document sent, with its page count as the sender counted it. */
    record Enclosure(String title, int pages) {
        Enclosure {
            Objects.requireNonNull(title, "title");
            if (pages < 1) {
                throw new IllegalArgumentException("an enclosure has at least one page");
            }
        }
    }

    /** The figure the service computes: every enclosure's pages, added up. */
    int totalPages() {
        return enclosures.stream().mapToInt(Enclosure::pages).sum();
    }
}
