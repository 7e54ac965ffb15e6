package example.transmittal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A Nota de remisión: the cover letter that goes with a set of documents (a monthly Formulario N.5.B, a Plan Operativo)
 * from a planning office to an agency. The recipe's example type (docs/architecture.md): small, but with a figure the
 * service computes (the pages of all enclosures) and one the sender declares, which must agree.
 *
 * <p>Bound by Jackson from a request the schema accepted ({@code transmittal-note.schema.json}: the required fields,
 * lengths, a real date, pages from 1 to 10,000); the invariants below hold whatever builds it, and text is stripped as
 * the note prints it.
 *
 * @param declaredPages what the sender wrote as the total, or {@code null}
 */
@JsonIgnoreProperties({"$schema"})
record TransmittalNote(
        String number,
        LocalDate date,
        String sender,
        String recipient,
        String subject,
        List<Enclosure> enclosures,
        Integer declaredPages) {
    TransmittalNote {
        number = Objects.requireNonNull(number, "number").strip();
        Objects.requireNonNull(date, "date");
        sender = Objects.requireNonNull(sender, "sender").strip();
        recipient = Objects.requireNonNull(recipient, "recipient").strip();
        subject = Objects.requireNonNull(subject, "subject").strip();
        enclosures = List.copyOf(enclosures);
        if (enclosures.isEmpty()) {
            throw new IllegalArgumentException("a transmittal note sends at least one document");
        }
    }

    /** One document sent, with its page count as the sender counted it. */
    record Enclosure(String title, int pages) {
        Enclosure {
            title = Objects.requireNonNull(title, "title").strip();
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
