package io.sello.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code sello.signing.*}: the keys signatures are made with.
 *
 * @param keystore  the service's keystore, used for every signer without one of their own; when the
 *                  file does not exist a development keystore is generated there on first start
 *                  (refused in the {@code prod} profile). Default {@code data/dev-signing.p12}
 * @param password  its password. Default {@code dev-only-password}
 * @param signers   per-user keys, by username: a PKCS#12 keystore ({@code sello.signing.signers.ana.keystore=…})
 *                  or a key on a PKCS#11 token ({@code sello.signing.signers.ana.pkcs11.library=…}); users may mix both
 * @param certificates the certificate (a PEM file) of each person who signs with their own software, by username:
 *                  {@code sello.signing.certificates.rosa=…/rosa.pem}. An uploaded sign-off is accepted only
 *                  with the certificate registered here, or with the one of the person's own key
 */
@ConfigurationProperties("sello.signing")
public record SigningProperties(Path keystore, String password, Map<String, Signer> signers, Map<String, Path> certificates) {
    public static final String DEVELOPMENT_PASSWORD = "dev-only-password";

    @ConstructorBinding
    public SigningProperties {
        keystore = keystore == null ? Path.of("data", "dev-signing.p12") : keystore;
        password = password == null ? DEVELOPMENT_PASSWORD : password;
        signers = signers == null ? Map.of() : Map.copyOf(signers);
        certificates = certificates == null ? Map.of() : Map.copyOf(certificates);
        if (password.isEmpty()) {
            throw new IllegalArgumentException("sello.signing.password must not be empty");
        }
        signers.forEach((user, signer) -> {
            String prefix = "sello.signing.signers." + user;
            if (signer.pkcs11() != null) {
                if (signer.keystore() != null || signer.password() != null) {
                    throw new IllegalArgumentException(prefix + ": either a keystore or a pkcs11 token, not both");
                }
                signer.pkcs11().check(prefix + ".pkcs11");
            } else if (signer.keystore() == null || signer.password() == null) {
                throw new IllegalArgumentException(prefix + ": keystore and password are both required (or a pkcs11 token)");
            }
        });
    }

    /** Keys only: no certificate registered for anyone's own software. */
    public SigningProperties(Path keystore, String password, Map<String, Signer> signers) {
        this(keystore, password, signers, null);
    }

    /** Without the passwords and PINs: this text may reach a log. */
    @Override
    public String toString() {
        return "SigningProperties[keystore=" + keystore + ", password=(hidden), signers=" + signers + ", certificates=" + certificates + "]";
    }

    /**
     * One signer's own key: a PKCS#12 keystore with its password, or a key on a PKCS#11 token.
     */
    public record Signer(Path keystore, String password, Pkcs11 pkcs11) {
        @ConstructorBinding
        public Signer {
        }

        public Signer(Path keystore, String password) {
            this(keystore, password, null);
        }

        /** Without the password: this text may reach a log. */
        @Override
        public String toString() {
            return pkcs11 != null ? "Signer[" + pkcs11 + "]" : "Signer[keystore=" + keystore + ", password=(hidden)]";
        }
    }

    /**
     * A key on a PKCS#11 token or HSM, reached through the JDK's SunPKCS11 provider: the private key
     * never leaves the token, each signature is computed on it.
     *
     * @param library    the token's PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slot       the slot ID the token sits in; or
     * @param tokenLabel the token's label, when the slot is not fixed (SoftHSM gives each new token a new slot ID)
     * @param pin        the user PIN; never logged, never part of an error text
     * @param keyAlias   the label of the key and its certificate on the token
     */
    public record Pkcs11(Path library, Long slot, String tokenLabel, String pin, String keyAlias) {
        void check(String prefix) {
            if (library == null) {
                throw new IllegalArgumentException(prefix + ".library is required (the PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so)");
            }
            if ((slot == null) == (tokenLabel == null || tokenLabel.isBlank())) {
                throw new IllegalArgumentException(prefix + ": give either .slot or .token-label, exactly one");
            }
            if (pin == null || pin.isEmpty()) {
                throw new IllegalArgumentException(prefix + ".pin is required");
            }
            if (keyAlias == null || keyAlias.isBlank()) {
                throw new IllegalArgumentException(prefix + ".key-alias is required (the label of the key and certificate on the token)");
            }
        }

        /** Without the PIN: this text may reach a log. */
        @Override
        public String toString() {
            return "Pkcs11[library=" + library + ", slot=" + slot + ", tokenLabel=" + tokenLabel
                    + ", pin=(hidden), keyAlias=" + keyAlias + "]";
        }
    }
}
