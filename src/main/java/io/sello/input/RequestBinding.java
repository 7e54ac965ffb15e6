package io.sello.input;

import io.sello.document.InputError;
import io.sello.document.InputFindings;
import io.sello.document.SchemaCheck;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.util.List;

/**
 * The contract path of a request (issue 18, point 1): strict JSON (well-formed, no duplicate keys), then the type's
 * published schema, and only a request the schema accepts is bound, to the type's request records. One shared,
 * immutable mapper: floats bind as {@link java.math.BigDecimal} (money is never a double) and every string goes
 * through the untrusted-text checks the schema cannot state: mis-encoded UTF-8 is repaired with a
 * {@code text-repaired} warning and invisible or bidirectional characters are refused, each at its own pointer,
 * reported to the {@link InputFindings} held in the binding's attributes.
 */
public final class RequestBinding {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .addModule(new SimpleModule("sello-text").addDeserializer(String.class, new CheckedText()))
            .build();

    /** The attribute holding the pointer of the part being bound; the parser's pointers are relative to it. */
    private static final String AT = "sello.at";

    private RequestBinding() {}

    /**
     * {@code json} as a {@code type}, or {@code null} with the schema's errors in {@code findings}: a request the
     * schema refuses is never bound.
     *
     * @throws io.sello.document.InvalidInputException when {@code json} is not well-formed JSON
     */
    public static <T> T bind(byte[] json, SchemaCheck contract, Class<T> type, InputFindings findings) {
        JsonNode request = StrictJson.parse(json);
        // The one tree serves the schema and the binding: the request is parsed once.
        List<InputError> refused = contract.check(request);
        if (!refused.isEmpty()) {
            refused.forEach(error -> findings.error(error.pointer(), error.message()));
            return null;
        }
        return bind(request, type, findings);
    }

    /**
     * {@code request} as a {@code type}; it must have passed the schema, so a binding fault is a defect of the
     * records, not of the client, and the request is refused at the root rather than with a stack trace.
     */
    static <T> T bind(JsonNode request, Class<T> type, InputFindings findings) {
        return bind(request, JsonPointers.ROOT, type, findings);
    }

    /**
     * A part of a request at {@code at} (an operational plan's budget block) as a {@code type}; the part must have
     * passed its schema. Transitional, for the readers that still read the rest of their request by hand.
     */
    public static <T> T bind(JsonNode part, String at, Class<T> type, InputFindings findings) {
        try {
            return MAPPER.readerFor(type)
                    .withAttribute(InputFindings.class, findings)
                    .withAttribute(AT, at)
                    .readValue(part);
        } catch (JacksonException | IllegalArgumentException e) {
            findings.error("/", "does not match the published schema");
            return null;
        }
    }

    /** A string as sent, repaired when mis-encoded; a number where a string may stand (a cell "-" or 12.5) as written. */
    private static final class CheckedText extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return p.getString();
            }
            String text = p.getString();
            InputFindings findings = (InputFindings) ctxt.getAttribute(InputFindings.class);
            var repaired = Mojibake.repair(text);
            // Checked after the repair: mis-decoded UTF-8 carries C1 controls that the repair turns back into letters.
            String hidden = InvisibleCharacters.find(repaired.orElse(text));
            if (findings == null || (hidden == null && repaired.isEmpty())) {
                return repaired.orElse(text);
            }
            // The pointer only for a finding: building it for every string costs a tenth of a form's validation.
            Object at = ctxt.getAttribute(AT);
            String pointer = JsonPointers.display((at == null ? "" : at)
                    + p.streamReadContext().pathAsPointer().toString());
            if (hidden != null) {
                findings.error(pointer, hidden);
                return text;
            }
            if (repaired.isPresent()) {
                findings.warn(
                        pointer,
                        "text-repaired",
                        "repaired mis-encoded text \"" + text.strip() + "\" to \""
                                + repaired.get().strip() + "\"");
                return repaired.get();
            }
            return text;
        }
    }
}
