package io.sello.signing;

import com.fasterxml.jackson.annotation.JsonProperty;

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
 * @param chain       where the signer's certificate chain leads
 * @param signerCommonName the signing certificate's subject CN
 */
public record SignatureCheck(String field, String step, String signer, String certificate, Instant time, int revision,
                             boolean intact, String problem, Verdict verdict, String reason, String subIndication,
                             String level, Instant timestampTime, TrustValidator.Chain chain, String signerCommonName) {
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
    public boolean valid() {
        return verdict == Verdict.VALID;
    }

    /** The chain status in words, for people. */
    @JsonProperty("chainStatus")
    public String chainStatus() {
        return chain.text();
    }
}
