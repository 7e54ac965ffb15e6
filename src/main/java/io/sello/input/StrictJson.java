package io.sello.input;

import io.sello.document.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses untrusted request bodies. Duplicate keys and trailing tokens are refused (a client that
 * sends {@code "tgn": 1, "tgn": 2} has a bug we must not guess around), and every number stays a
 * {@code BigDecimal} so that money never passes through {@code double}.
 */
public final class StrictJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private StrictJson() {
    }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidInputException.at("/", "the request body is empty; expected a JSON object");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw InvalidInputException.at("/", "the request body is empty; expected a JSON object");
            }
            return node;
        } catch (StreamReadException e) {
            throw InvalidInputException.at(pointerOf(e), "malformed JSON" + where(e) + ": " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw InvalidInputException.at("/", "malformed JSON" + where(e) + ": " + e.getOriginalMessage());
        }
    }

    private static String where(JacksonException e) {
        var location = e.getLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String pointerOf(StreamReadException e) {
        try {
            JsonParser parser = e.processor();
            String pointer = parser == null ? "" : parser.streamReadContext().pathAsPointer().toString();
            return JsonPointers.display(pointer);
        } catch (RuntimeException unknown) {
            return "/";
        }
    }
}
