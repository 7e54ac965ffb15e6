package io.sello.signing;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * The key each user signs with: their own keystore or PKCS#11 token when configured, else the service's. The service
 * keystore is generated for development when missing, unless the caller forbids it (production).
 */
public final class SigningKeys {
    private final SigningKey service;
    private final Map<String, SigningKey> personal = new HashMap<>();

    public SigningKeys(SigningProperties properties, boolean mayGenerate) {
        if (!Files.exists(properties.keystore())) {
            if (!mayGenerate) {
                throw new IllegalStateException("sello.signing.keystore: " + properties.keystore().getFileName()
                        + " does not exist, and a development keystore is not generated in production");
            }
            Keystores.generateDevelopment(properties.keystore(), properties.password().toCharArray(), "Sello");
        }
        this.service = Keystores.load(properties.keystore(), properties.password().toCharArray(), null);
        Map<String, String> tokenOwners = new HashMap<>();
        properties.signers().forEach((user, signer) -> personal.put(user, signer.pkcs11() != null
                ? TokenKeys.load(user, signer.pkcs11(), tokenOwners)
                : Keystores.load(signer.keystore(), signer.password().toCharArray(), null)));
    }

    public SigningKey forUser(String username) {
        return personal.getOrDefault(username, service);
    }
}
