package io.sello.signing;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key and its certificate chain, signer's certificate first.
 *
 * @param provider the provider that holds the key and must compute its signatures (a PKCS#11
 *                 token's SunPKCS11 instance, whose keys cannot be exported); null for a software key
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain, Provider provider) {
    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
    }

    public SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {
        this(privateKey, chain, null);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
