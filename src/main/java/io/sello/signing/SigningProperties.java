package io.sello.signing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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
 * @param identities the other way to accept a person's own certificate, by username: a subject attribute and its
 *                  value, e.g. {@code sello.signing.identities.rosa=SERIALNUMBER=4789123} (a Bolivian certificate
 *                  carries the holder's identity card number there). An uploaded signature whose certificate chains
 *                  to a trusted root ({@code sello.signing.trust.roots}, EU DSS rating it valid) and whose subject
 *                  holds that value is accepted as the person's, as a renewed certificate would be
 * @param level     the PAdES baseline level every sign-off is taken to (issue 16 §3): {@code B-B} (default),
 *                  {@code B-T}, {@code B-LT} or {@code B-LTA}. From B-T up a time-stamp authority is required, and
 *                  from B-LT revocation data must be reachable (embedded, or fetched from
 *                  {@code sello.signing.trust.allowed-hosts}); when either fails the sign-off answers 503, it is never
 *                  made at a lower level
 * @param tsa       the RFC 3161 time-stamp authority
 * @param longTermData at B-LT and B-LTA, when the validation data and the archive time-stamp are added:
 *                  {@code on-approval} (default: once, at the sign-off that completes the document; earlier sign-offs
 *                  stay B-T until then) or {@code each-sign-off}; see {@link LongTermData}
 */
@ConfigurationProperties("sello.signing")
public record SigningProperties(
        Path keystore,
        String password,
        Map<String, Signer> signers,
        Map<String, Path> certificates,
        Map<String, String> identities,
        PadesLevel level,
        Tsa tsa,
        LongTermData longTermData) {
    public static final String DEVELOPMENT_PASSWORD = "dev-only-password";

    @ConstructorBinding
    public SigningProperties {
        keystore = keystore == null ? Path.of("data", "dev-signing.p12") : keystore;
        password = password == null ? DEVELOPMENT_PASSWORD : password;
        signers = signers == null ? Map.of() : Map.copyOf(signers);
        certificates = certificates == null ? Map.of() : Map.copyOf(certificates);
        identities = identities == null ? Map.of() : Map.copyOf(identities);
        level = level == null ? PadesLevel.B_B : level;
        tsa = tsa == null ? Tsa.NONE : tsa;
        longTermData = longTermData == null ? LongTermData.ON_APPROVAL : longTermData;
        if (level.timestamped() && tsa.url() == null) {
            throw new IllegalArgumentException("sello.signing.level=" + level + " needs a time-stamp authority:"
                    + " set sello.signing.tsa.url (RFC 3161 over HTTP)");
        }
        identities.forEach((user, identity) -> Identity.parse("sello.signing.identities." + user, identity));
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
                throw new IllegalArgumentException(
                        prefix + ": keystore and password are both required (or a pkcs11 token)");
            }
        });
    }

    /** Keys only: no certificate registered for anyone's own software. */
    public SigningProperties(Path keystore, String password, Map<String, Signer> signers) {
        this(keystore, password, signers, null);
    }

    /** At B-B, with no identities: the CLI and tests. */
    public SigningProperties(
            Path keystore, String password, Map<String, Signer> signers, Map<String, Path> certificates) {
        this(keystore, password, signers, certificates, null, null, null, null);
    }

    /** At {@code level} with {@code tsa}, the validation data added on approval: tests and benchmarks. */
    public SigningProperties(PadesLevel level, Tsa tsa) {
        this(null, null, null, null, null, level, tsa, null);
    }

    /**
     * {@code sello.signing.tsa.*}.
     *
     * @param url         the authority's HTTP(S) address, e.g. a national TSA such as RENIEC's in Peru
     * @param certificate the authority's certificate (PEM), to pin: tokens signed by another key are refused. Optional:
     *                    without it, the token's own certificate is checked, and verification rates its chain
     * @param timeout     for connecting and for the answer; default 10 s
     */
    public record Tsa(URI url, Path certificate, Duration timeout) {
        static final Tsa NONE = new Tsa(null, null, null);

        @ConstructorBinding
        public Tsa {
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            if (url != null
                    && !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
                throw new IllegalArgumentException("sello.signing.tsa.url must be an http or https address");
            }
            if (certificate != null && !Files.isRegularFile(certificate)) {
                throw new IllegalArgumentException("sello.signing.tsa.certificate: " + certificate + " is not a file");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("sello.signing.tsa.timeout must be positive");
            }
        }
    }

    /** One person's identity in their certificate's subject: an attribute ({@code SERIALNUMBER}, {@code CN}…) and its value. */
    public record Identity(String attribute, String value) {
        public Identity {
            if (attribute == null || !attribute.matches("[A-Za-z][A-Za-z0-9.]*") || value == null || value.isBlank()) {
                throw new IllegalArgumentException("an identity is ATTRIBUTE=value");
            }
            try {
                BCStyle.INSTANCE.attrNameToOID(attribute);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "an identity's attribute is a subject attribute name such as CN or SERIALNUMBER, not "
                                + attribute);
            }
        }

        /** Whether the certificate's subject holds this attribute with this value (compared ignoring case and outer spaces). */
        public boolean matches(X509Certificate certificate) {
            try {
                var style = BCStyle.INSTANCE;
                var oid = style.attrNameToOID(attribute);
                var subject = X500Name.getInstance(
                        certificate.getSubjectX500Principal().getEncoded());
                for (var rdn : subject.getRDNs(oid)) {
                    for (var entry : rdn.getTypesAndValues()) {
                        if (IETFUtils.valueToString(entry.getValue()).trim().equalsIgnoreCase(value.trim())) {
                            return true;
                        }
                    }
                }
                return false;
            } catch (RuntimeException unknownAttribute) {
                return false;
            }
        }

        static Identity parse(String property, String text) {
            int equals = text == null ? -1 : text.indexOf('=');
            try {
                return new Identity(
                        text.substring(0, Math.max(equals, 0)).trim(),
                        text.substring(equals + 1).trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(property + ": expected ATTRIBUTE=value, e.g. SERIALNUMBER=4789123");
            }
        }
    }

    /** The identity configured for {@code username}, if any. */
    public Optional<Identity> identityOf(String username) {
        return Optional.ofNullable(identities.get(username))
                .map(i -> Identity.parse("sello.signing.identities." + username, i));
    }

    /** Without the passwords and PINs: this text may reach a log. */
    @Override
    public String toString() {
        return "SigningProperties[keystore=" + keystore + ", password=(hidden), signers=" + signers + ", certificates="
                + certificates + ", identities=" + identities + ", level=" + level + ", tsa=" + tsa + ", longTermData="
                + longTermData + "]";
    }

    /**
     * One signer's own key: a PKCS#12 keystore with its password, or a key on a PKCS#11 token.
     */
    public record Signer(Path keystore, String password, Pkcs11 pkcs11) {
        @ConstructorBinding
        public Signer {}

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
                throw new IllegalArgumentException(
                        prefix + ".library is required (the PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so)");
            }
            if ((slot == null) == (tokenLabel == null || tokenLabel.isBlank())) {
                throw new IllegalArgumentException(prefix + ": give either .slot or .token-label, exactly one");
            }
            if (pin == null || pin.isEmpty()) {
                throw new IllegalArgumentException(prefix + ".pin is required");
            }
            if (keyAlias == null || keyAlias.isBlank()) {
                throw new IllegalArgumentException(
                        prefix + ".key-alias is required (the label of the key and certificate on the token)");
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
