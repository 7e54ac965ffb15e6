package io.sello.signing;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Objects;

/**
 * One document timestamp of a PDF (PAdES B-T by extension, B-LTA; ETSI EN 319 142-1, 5.4: a signature field whose
 * /SubFilter is /ETSI.RFC3161 and whose /Contents is an RFC 3161 TimeStampToken over the byte ranges). It is not a
 * sign-off, so it is reported apart from {@link SignatureCheck}s: it proves when the bytes before it existed.
 *
 * @param field    the timestamp's field (DSS names them Signature1, Signature2…)
 * @param time     the token's genTime, when the token parses
 * @param revision the revision the timestamp covers, counted from 1
 * @param intact   the token parses, its message imprint is the digest of the byte ranges, the ranges leave out
 *                 only the token, and its CMS signature verifies with the TSA certificate it carries
 * @param problem  why it is not intact, or {@code null}
 * @param tsa      the TSA certificate's subject CN, when the token carries it
 * @param trusted  intact, and EU DSS found the TSA's chain reaching a configured trust anchor
 */
@Schema(
        description = "A document timestamp (RFC 3161, /SubFilter /ETSI.RFC3161) added to make the signatures before it"
                + " long-term (PAdES B-T, B-LTA). Not a sign-off.")
public record TimestampCheck(
        @Schema(description = "The timestamp's signature field")
        String field,

        @Schema(description = "The time the timestamping authority certifies (the token's genTime)", nullable = true)
        Instant time,

        @Schema(description = "The revision the timestamp covers, counted from 1 (the unsigned document)")
        int revision,

        @Schema(
                description = "The token parses, its message imprint is the digest of the timestamped bytes, and its"
                        + " signature verifies with the authority's certificate it carries. Says nothing about who the authority is:"
                        + " see trusted.")
        boolean intact,

        @Schema(description = "Why it is not intact, or null", nullable = true)
        String problem,

        @Schema(description = "The timestamping authority's certificate subject common name (CN)", nullable = true)
        String tsa,

        @Schema(
                description =
                        "Intact, and EU DSS found the authority's certificate chain reaching a configured trust anchor"
                                + " (sello.signing.trust.roots)")
        boolean trusted) {
    public TimestampCheck {
        Objects.requireNonNull(field, "field");
        if (intact != (problem == null)) {
            throw new IllegalArgumentException("a timestamp is intact exactly when no problem is named");
        }
        if (trusted && !intact) {
            throw new IllegalArgumentException("a timestamp whose bytes do not verify is never trusted");
        }
    }
}
