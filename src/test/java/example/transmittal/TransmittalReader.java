package example.transmittal;

import io.sello.document.InputFindings;
import io.sello.input.JsonObject;
import io.sello.input.StrictJson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.sello.input.JsonObject.Presence.OPTIONAL;
import static io.sello.input.JsonObject.Presence.REQUIRED;

/** Reads a transmittal-note request with the shared JSON reader, so its errors have the same pointers and wording. */
final class TransmittalReader {
    /** The note, or {@code null} when {@code findings} holds errors. */
    TransmittalNote read(byte[] json, InputFindings findings) {
        JsonObject root = JsonObject.root(
                StrictJson.parse(json),
                findings,
                "$schema",
                "number",
                "date",
                "sender",
                "recipient",
                "subject",
                "enclosures",
                "declaredPages");
        if (root == null) {
            return null;
        }
        String number = root.text("number", REQUIRED);
        LocalDate date = root.date("date", REQUIRED);
        String sender = root.text("sender", REQUIRED);
        String recipient = root.text("recipient", REQUIRED);
        String subject = root.text("subject", REQUIRED);
        List<TransmittalNote.Enclosure> enclosures = new ArrayList<>();
        for (JsonObject e : root.objects("enclosures", REQUIRED, "title", "pages")) {
            String title = e.text("title", REQUIRED);
            Integer pages = e.integer("pages", REQUIRED, 1, 10_000);
            if (title != null && pages != null) {
                enclosures.add(new TransmittalNote.Enclosure(title, pages));
            }
        }
        if (root.has("enclosures") && root.arrayLength("enclosures") == 0) {
            findings.error(root.pointer("enclosures"), "a transmittal note sends at least one document");
        }
        Integer declared = root.integer("declaredPages", OPTIONAL, 1, 1_000_000);
        if (findings.hasErrors()) {
            return null;
        }
        return new TransmittalNote(number, date, sender, recipient, subject, enclosures, declared);
    }
}
