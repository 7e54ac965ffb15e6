package io.sello.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The key each user signs with: their own keystore or PKCS#11 token when configured, else the service's. The service
 * keystore is generated for development when missing, unless the caller forbids it (production).
 */
public final class SigningKeys {
    private final SigningKey service;
    private final Map<String, SigningKey> personal = new HashMap<>();
    private final Map<String, X509Certificate> registered = new HashMap<>();
    private final SigningProperties properties;

    public SigningKeys(SigningProperties properties, boolean mayGenerate) {
        this.properties = properties;
        if (!Files.exists(properties.keystore())) {
            if (!mayGenerate) {
                throw new IllegalStateException(
                        "sello.signing.keystore: " + properties.keystore().getFileName()
                                + " does not exist, and a development keystore is not generated in production");
            }
            Keystores.generateDevelopment(
                    properties.keystore(), properties.password().toCharArray(), "Sello");
        }
        this.service =
                Keystores.load(properties.keystore(), properties.password().toCharArray(), null);
        Map<String, String> tokenOwners = new HashMap<>();
        properties
                .signers()
                .forEach((user, signer) -> personal.put(
                        user,
                        signer.pkcs11() != null
                                ? TokenKeys.load(user, signer.pkcs11(), tokenOwners)
                                : Keystores.load(
                                        signer.keystore(), signer.password().toCharArray(), null)));
        properties
                .certificates()
                .forEach((user, pem) ->
                        registered.put(user, readCertificate(pem, "sello.signing.certificates." + user)));
    }

    /** The certificate a person's uploaded signatures must be made with: registered for them, or their own key's. */
    public Optional<X509Certificate> registeredFor(String username) {
        X509Certificate certificate = registered.get(username);
        if (certificate == null && personal.containsKey(username)) {
            certificate = personal.get(username).certificate();
        }
        return Optional.ofNullable(certificate);
    }

    /**
     * The identity a trusted certificate must carry to count as this person's ({@code sello.signing.identities}):
     * the way to accept a renewed certificate without registering each one.
     */
    public Optional<SigningProperties.Identity> identityOf(String username) {
        return properties.identityOf(username);
    }

    public SigningKey forUser(String username) {
        return personal.getOrDefault(username, service);
    }

    /** {@link #forUser} gives this user a key of their own, not the service's (issue 16: a personal signature). */
    public boolean isPersonal(String username) {
        return personal.containsKey(username);
    }

    /** The service's key: its electronic seal, the only key a system (API key) may sign with (issue 16). */
    public SigningKey seal() {
        return service;
    }

    /** One certificate from a PEM or DER file a setting names; the start stops naming the setting when it cannot be read. */
    static X509Certificate readCertificate(Path pem, String property) {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException(
                    property + ": " + pem.getFileName() + " is not a readable X.509 certificate (PEM or DER)");
        }
    }
}
