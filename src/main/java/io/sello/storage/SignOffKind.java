package io.sello.storage;

/**
 * What a sign-off's signature is (issue 16, point 1). Bolivian and Peruvian rules expect each official's
 * own certificate; the service's key is an electronic seal of the institution, not anyone's signature,
 * and is labelled as such wherever a sign-off is shown.
 */
public enum SignOffKind {
    /** Made with the signer's own key: a per-user keystore ({@code sello.signing.signers.<user>}) or token. */
    PERSONAL,
    /** Made with the service's key ({@code sello.signing.keystore}): always so for a system (API key). */
    SEAL
}
