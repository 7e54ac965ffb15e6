package io.sello.signing;

import java.time.Instant;

/**
 * One signature of a PDF, as verified.
 *
 * @param field     the signature field (the sign-off step for Sello's signatures)
 * @param step      the step named in the signature (its /Reason), or {@code null}
 * @param signer    the signer's name (its /Name, else the certificate's common name)
 * @param certificate the signing certificate's subject
 * @param time      the signing time claimed in the signature dictionary (/M)
 * @param revision  the revision the signature covers, counted from 1 (the unsigned document)
 * @param valid     the signed bytes are unchanged and the CMS signature verifies against its certificate
 * @param problem   why it is not valid, or {@code null}
 */
public record SignatureCheck(String field, String step, String signer, String certificate, Instant time, int revision,
                             boolean valid, String problem) {
}
