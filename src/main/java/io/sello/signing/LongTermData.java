package io.sello.signing;

/**
 * When a deployment signing at B-LT or B-LTA embeds the validation data and, at B-LTA, the archive time-stamp
 * ({@code sello.signing.long-term-data}; issue 16 §3 and its benchmark: a 3-signature B-LTA form verified in under
 * 50 ms).
 *
 * <p>A Formulario N.5.B is official evidence once APROBADO: ELABORADO and REVISADO alone approve nothing. So by
 * default the long-term layer is added once, when the last sign-off completes the document, over every signature in
 * it. Until then each signature is already B-T: the time-stamp inside its CMS proves when it was made, and the
 * revocation data gathered at completion is issued after that time, as EN 319 142-1 wants it. A completed form then
 * has 6 revisions instead of 10, and a reviewer's verification costs about 40 % less (docs/benchmarks.md).
 *
 * <p>The price: a document left unfinished holds B-T signatures only, and if a signer's certificate expires (or is
 * revoked) before the last step, its validation data can no longer be gathered then and the last sign-off answers 503
 * until an administrator resolves it. A deployment whose sign-offs may span a certificate's expiry chooses
 * {@link #EACH_SIGN_OFF}.
 */
enum LongTermData {
    /** Once, at the sign-off that completes the document (APROBADO): the default. */
    ON_APPROVAL,
    /** After every sign-off: 3 more revisions each (4 for an uploaded signature). */
    EACH_SIGN_OFF
}
