package io.sello.input;

import io.sello.document.DocumentTooLargeException;
import io.sello.document.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.regex.Pattern;

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

    private StrictJson() {}

    /**
     * Refuses, before anything is built from it, a body that asks for more than {@code limits}: too
     * deep, a string or number too long, a number whose exponent would make it a billion digits,
     * duplicate keys, trailing tokens (400), or more list items than one document may have (422).
     * One streaming pass, no tree: the cost is a few microseconds per kilobyte. Every message names the
     * pointer of the offending value.
     */
    public static void checkLimits(byte[] body, JsonLimits limits) {
        checkLimits(body, limits, null);
    }

    /**
     * As {@link #checkLimits(byte[], JsonLimits)} for a body that carries several documents, such as a
     * batch: the list-item limit is per document, and a document starts at each object whose pointer
     * matches {@code documentRoots} (e.g. {@code /items/\d+/document}).
     */
    public static void checkLimits(byte[] body, JsonLimits limits, Pattern documentRoots) {
        if (body == null || body.length == 0) {
            return;
        }
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Depth is Jackson's to enforce as it descends (one beyond ours, so our message comes first).
                // Lengths are not: Jackson would refuse a long string half-read, without its pointer. This pass
                // converts nothing and the web layer has already bounded the body, so they are checked below.
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 1)
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNameLength(Integer.MAX_VALUE)
                        .maxNumberLength(Integer.MAX_VALUE)
                        .build())
                .build();
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), body)) {
            int depth = 0;
            long items = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                // The pointer is built only where it is needed (a batch's document roots, a message): built for
                // every token, it was about half of this pass and 1-1.5 % of the CPU of an HTTP render of seed 000
                // (issue 19).
                if (documentRoots != null
                        && token == JsonToken.START_OBJECT
                        && documentRoots.matcher(pointerOf(parser)).matches()) {
                    items = 0;
                }
                if (isArrayElement(parser, token) && ++items > limits.maxItems()) {
                    throw new DocumentTooLargeException(
                            JsonPointers.display(pointerOf(parser)),
                            "a document may have at most " + limits.maxItems()
                                    + " list items (activities, budget lines, rows, cells and the like, all lists together); split it into several documents");
                }
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > limits.maxDepth()) {
                            throw InvalidInputException.at(
                                    JsonPointers.display(pointerOf(parser)),
                                    "expected objects and arrays nested at most " + limits.maxDepth() + " deep");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case PROPERTY_NAME, VALUE_STRING -> {
                        if (parser.getStringLength() > limits.maxStringLength()) {
                            throw InvalidInputException.at(
                                    JsonPointers.display(pointerOf(parser)),
                                    "expected "
                                            + (token == JsonToken.PROPERTY_NAME ? "a field name" : "a string")
                                            + " of at most "
                                            + limits.maxStringLength() + " characters");
                        }
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> checkNumber(parser, limits);
                    default -> {}
                }
            }
        } catch (StreamConstraintsException e) {
            // Jackson's backstop: its message names its own getters; the client gets the limit, not our internals.
            throw InvalidInputException.at(
                    "/",
                    "the JSON exceeds a size limit" + where(e) + ": "
                            + e.getOriginalMessage().replaceAll(",? from `[^`]*`", ""));
        } catch (StreamReadException e) {
            throw InvalidInputException.at(pointerOf(e), "malformed JSON" + where(e) + ": " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw InvalidInputException.at("/", "malformed JSON" + where(e) + ": " + e.getOriginalMessage());
        }
    }

    private static void checkNumber(JsonParser parser, JsonLimits limits) {
        if (parser.getTextLength() > limits.maxNumberLength()) {
            throw InvalidInputException.at(
                    JsonPointers.display(pointerOf(parser)),
                    "expected a number of at most " + limits.maxNumberLength() + " characters");
        }
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            // The characters, not getText(): Jackson counts that against the string limit, which is not a number's.
            String text = new String(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            long scale = scaleOf(text);
            if (Math.abs(scale) > limits.maxNumberScale()) {
                throw InvalidInputException.at(
                        JsonPointers.display(pointerOf(parser)),
                        "expected a number with a decimal exponent between -" + limits.maxNumberScale() + " and "
                                + limits.maxNumberScale() + " but got " + text);
            }
        }
    }

    /**
     * The scale {@code new BigDecimal(text)} would have, read off the text: digits after the point minus
     * the exponent. Nothing is converted, so {@code 1e1000000000} costs no more than {@code 1e3}.
     */
    static long scaleOf(String number) {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        String mantissa = e < 0 ? number : number.substring(0, e);
        int point = mantissa.indexOf('.');
        long fraction = point < 0 ? 0 : mantissa.length() - point - 1;
        long exponent = 0;
        if (e >= 0) {
            String digits = number.substring(e + 1);
            try {
                exponent = Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits);
            } catch (NumberFormatException tooLong) {
                return Long.MAX_VALUE;
            }
        }
        // Any exponent this large is over every sane limit; capping it keeps the subtraction from overflowing.
        return exponent > 1_000_000_000_000L || exponent < -1_000_000_000_000L ? Long.MAX_VALUE : fraction - exponent;
    }

    /** A value directly inside an array; for a start token the parser's context is already the new container's. */
    private static boolean isArrayElement(JsonParser parser, JsonToken token) {
        if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT || token == JsonToken.PROPERTY_NAME) {
            return false;
        }
        var container = token.isStructStart() ? parser.streamReadContext().getParent() : parser.streamReadContext();
        return container != null && container.inArray();
    }

    private static String pointerOf(JsonParser parser) {
        return parser.streamReadContext().pathAsPointer().toString();
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
            String pointer = parser == null
                    ? ""
                    : parser.streamReadContext().pathAsPointer().toString();
            return JsonPointers.display(pointer);
        } catch (RuntimeException unknown) {
            return "/";
        }
    }
}
