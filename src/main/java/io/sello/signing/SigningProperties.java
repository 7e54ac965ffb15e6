package io.sello.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code sello.signing.*}: the PKCS#12 keystores signatures are made with.
 *
 * @param keystore  the service's keystore, used for every signer without one of their own; when the
 *                  file does not exist a development keystore is generated there on first start
 *                  (refused in the {@code prod} profile). Default {@code data/dev-signing.p12}
 * @param password  its password. Default {@code dev-only-password}
 * @param signers   per-user keystores, by username: {@code sello.signing.signers.ana.keystore=…}
 * @param certificates the certificate (a PEM file) of each person who signs with their own software, by username:
 *                  {@code sello.signing.certificates.rosa=…/rosa.pem}. An uploaded sign-off is accepted only
 *                  with the certificate registered here, or with the one of the person's own keystore
 */
@ConfigurationProperties("sello.signing")
public record SigningProperties(Path keystore, String password, Map<String, Signer> signers, Map<String, Path> certificates) {
    public static final String DEVELOPMENT_PASSWORD = "dev-only-password";

    public SigningProperties {
        keystore = keystore == null ? Path.of("data", "dev-signing.p12") : keystore;
        password = password == null ? DEVELOPMENT_PASSWORD : password;
        signers = signers == null ? Map.of() : Map.copyOf(signers);
        certificates = certificates == null ? Map.of() : Map.copyOf(certificates);
        if (password.isEmpty()) {
            throw new IllegalArgumentException("sello.signing.password must not be empty");
        }
        signers.forEach((user, signer) -> {
            if (signer.keystore() == null || signer.password() == null) {
                throw new IllegalArgumentException("sello.signing.signers." + user + ": keystore and password are both required");
            }
        });
    }

    /** One signer's own keystore. */
    public record Signer(Path keystore, String password) {
    }
}
