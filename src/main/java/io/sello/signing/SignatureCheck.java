package io.sello.signing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Objects;

/**
 * One signature of a PDF, as verified: Sello's own checks of its bytes, and EU DSS's verdict on trust
 * (issue 16, point 2). Only a signature DSS rates TOTAL_PASSED is {@link #valid()}.
 *
 * @param field       the signature field (the sign-off step for Sello's signatures)
 * @param step        the step named in the signature (its /Reason), or {@code null}
 * @param signer      the signer's name (its /Name, else the certificate's subject)
 * @param certificate the signing certificate's subject
 * @param time        the signing time claimed in the signature dictionary (/M)
 * @param revision    the revision the signature covers, counted from 1 (the unsigned document)
 * @param intact      the signed bytes are unchanged and the CMS signature verifies against its certificate; says
 *                    nothing about who that certificate belongs to
 * @param problem     why it is not intact, or {@code null}
 * @param verdict     VALID, INDETERMINATE or INVALID (ETSI EN 319 102-1 as EU DSS rates it; INVALID when not intact)
 * @param reason      the verdict's reason in plain Spanish ("certificado de desarrollo", "certificado revocado"…)
 * @param subIndication DSS's sub-indication ({@code NO_CERTIFICATE_CHAIN_FOUND}…), or {@code null}
 * @param level       the signature level as DSS reads it: {@code B-B}, {@code B-T}, {@code B-LT}, {@code B-LTA}, or
 *                    {@code null} when DSS could not read it
 * @param timestampTime the signature timestamp's time, when there is one (B-T and above)
 * @param timestampTrusted null without a timestamp; else whether every timestamp linked to the signature is intact
 *                    and from an authority that chains to a trusted root
 * @param chain       where the signer's certificate chain leads
 * @param signerCommonName the signing certificate's subject CN
 */
public record SignatureCheck(
        String field,
        String step,
        String signer,
        String certificate,
        Instant time,
        int revision,

        @Schema(
                description = "The signed bytes are unchanged and the CMS signature verifies against its"
                        + " own certificate. Says nothing about who that certificate belongs to: see verdict.")
        boolean intact,

        String problem,

        @Schema(
                description = "ETSI EN 319 102-1 indication as EU DSS rates it under its default policy:"
                        + " VALID (TOTAL_PASSED: trusted chain, in force and not revoked when signed),"
                        + " INDETERMINATE (e.g. untrusted chain, development certificate, no revocation data,"
                        + " expired without a timestamp) or INVALID (broken signature, revoked).")
        Verdict verdict,

        @Schema(
                description =
                        "The verdict's reason in Spanish, e.g. \"certificado de desarrollo\","
                                + " \"la cadena de certificados no llega a una autoridad de confianza\", \"certificado revocado\"")
        String reason,

        @Schema(description = "DSS's sub-indication, e.g. NO_CERTIFICATE_CHAIN_FOUND, or null", nullable = true)
        String subIndication,

        @Schema(description = "PAdES baseline level as DSS reads it: B-B, B-T, B-LT or B-LTA", nullable = true)
        String level,

        @Schema(description = "Time of the signature timestamp (B-T and above), or null", nullable = true)
        Instant timestampTime,

        @Schema(
                description = "null without a timestamp; false when a timestamp linked to the signature"
                        + " is broken or comes from an authority that is not trusted",
                nullable = true)
        Boolean timestampTrusted,

        @Schema(
                description = "Where the signer's chain leads: TRUSTED (a configured root,"
                        + " sello.signing.trust.roots), DEVELOPMENT, UNTRUSTED or UNKNOWN")
        TrustValidator.Chain chain,

        @Schema(description = "The signing certificate's subject common name (CN)", nullable = true)
        String signerCommonName) {
    public SignatureCheck {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(chain, "chain");
        if (verdict == Verdict.VALID && !intact) {
            throw new IllegalArgumentException("a signature whose bytes do not verify is never valid");
        }
    }

    /** Valid in the only sense a reader may be told: DSS rated it TOTAL_PASSED (and its bytes are intact). */
    @JsonProperty("valid")
    @Schema(description = "true only when verdict is VALID (EU DSS TOTAL_PASSED)")
    public boolean valid() {
        return verdict == Verdict.VALID;
    }

    /** The chain status in words, for people. */
    @JsonProperty("chainStatus")
    @Schema(description = "The chain status in Spanish words")
    public String chainStatus() {
        return chain.text();
    }
}
