package io.sello.text;

import io.sello.format.Currency;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.util.List;

/**
 * A paragraph as the published schemas give it ({@code $defs/paragraph}), bound after the schema accepted it: a
 * string, or an array of runs. {@link Paragraphs} turns it into a {@link Paragraph}. Strings are read through the
 * binding's string reader, which checks untrusted text (mis-encoding, invisible characters) at its own pointer.
 *
 * @param text the paragraph sent as one string, or {@code null}
 * @param runs the paragraph sent as runs, or {@code null}
 */
@JsonDeserialize(using = ParagraphRequest.Reader.class)
public record ParagraphRequest(String text, List<RunRequest> runs) {
    public ParagraphRequest {
        if ((text == null) == (runs == null)) {
            throw new IllegalArgumentException("a paragraph is a string or an array of runs");
        }
        runs = runs == null ? null : List.copyOf(runs);
    }

    /**
     * One run: plain text as a string, or an object with exactly one of {@code text}, {@code money} and
     * {@code footnote} (the schema's oneOf; which of them a type allows is its schema's to say).
     *
     * @param plain a run sent as a string, or {@code null}
     * @param styled a run sent as an object, or {@code null}
     */
    @JsonDeserialize(using = RunReader.class)
    public record RunRequest(String plain, Styled styled) {
        public RunRequest {
            if ((plain == null) == (styled == null)) {
                throw new IllegalArgumentException("a run is a string or an object");
            }
        }
    }

    /** A run sent as an object. */
    public record Styled(
            String text,
            MoneyRequest money,
            String footnote,
            Integer number,
            Boolean bold,
            Boolean italic,
            Boolean underline) {}

    /** An amount as a JSON number or a decimal string (the schema's {@code $defs/money}). */
    public record MoneyRequest(BigDecimal amount, Currency currency) {}

    /** A string or an array of runs, each read by the binding's own readers. */
    static final class Reader extends ValueDeserializer<ParagraphRequest> {
        @Override
        public ParagraphRequest deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return new ParagraphRequest(ctxt.readValue(p, String.class), null);
            }
            return new ParagraphRequest(
                    null,
                    ctxt.readValue(p, ctxt.getTypeFactory().constructCollectionType(List.class, RunRequest.class)));
        }
    }

    /** A string or an object. */
    static final class RunReader extends ValueDeserializer<RunRequest> {
        @Override
        public RunRequest deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return new RunRequest(ctxt.readValue(p, String.class), null);
            }
            return new RunRequest(null, ctxt.readValue(p, Styled.class));
        }
    }
}
