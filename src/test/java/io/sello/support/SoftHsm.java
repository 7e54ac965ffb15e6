package io.sello.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Throwaway SoftHSM2 tokens under {@code target/softhsm/}, one per test user, each holding a key pair made on the
 * token and a self-signed certificate with the same label, as an official's token from a certification authority
 * would (the certificate is self-signed here; trust is checked elsewhere).
 *
 * <p>SunPKCS11 loads SoftHSM into the test JVM, and SoftHSM reads {@code SOFTHSM2_CONF} and its token folder once,
 * when the JVM first opens it: tokens made afterwards are invisible to it. So the pom's surefire configuration sets
 * {@code SOFTHSM2_CONF} to {@link #CONF}, and the first call here makes every token the tests use, before any
 * provider is configured. The keys are generated through {@code keytool} and SunPKCS11 in a child process, with a
 * template that marks private keys sensitive and not extractable.
 *
 * <p>Nothing here skips: without SoftHSM, or without the environment variable, the test fails and says what to do.
 */
public final class SoftHsm {
    public static final Path DIRECTORY = Path.of("target", "softhsm").toAbsolutePath();
    public static final Path CONF = DIRECTORY.resolve("softhsm2.conf");
    private static final List<Path> LIBRARIES = List.of(
            Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"));
    private static final Pattern REASSIGNED = Pattern.compile("reassigned to slot (\\d+)");

    /**
     * One token as the {@code sello.signing.signers.<user>.pkcs11.*} settings name it.
     *
     * @param commonName the CN of the certificate on it
     */
    public record Token(
            String user, Path library, long slot, String label, String pin, String keyAlias, String commonName) {
        /** The settings for this user's key, with the slot or the label as given. */
        public Map<String, String> properties(boolean byLabel) {
            String prefix = "sello.signing.signers." + user + ".pkcs11.";
            return Map.of(
                    prefix + "library",
                    library.toString(),
                    prefix + (byLabel ? "token-label" : "slot"),
                    byLabel ? label : Long.toString(slot),
                    prefix + "pin",
                    pin,
                    prefix + "key-alias",
                    keyAlias);
        }
    }

    /** Ana's token: an RSA 3072 key, CN=Ana Quispe. */
    public static final String ANA = "ana";
    /** Rosa's token: an ECDSA P-256 key, CN=Rosa Choque. */
    public static final String ROSA = "rosa";

    /**
     * Luis's token: initialised, no key. For the wrong-PIN case, which needs a token that nothing in the JVM has
     * logged in to: SunPKCS11 skips the PIN check when the token is already logged in (PKCS#11 logins are per
     * token and application, not per provider).
     */
    public static final String LUIS = "luis";

    /**
     * Ana's second token, for the long-term signature scenario (issue 16, "done when"): an RSA 3072 key whose
     * self-signed certificate a test replaces with one its PKI issues ({@link #installChain}), as an authority would.
     * The setting prefix is ana's; the label and key alias are its own.
     */
    public static final String ANA_TRUSTED = "ana-trusted";

    private static Map<String, Token> tokens;

    private SoftHsm() {}

    public static synchronized Token token(String user) {
        if (tokens == null) {
            tokens = makeTokens();
        }
        Token token = tokens.get(user);
        if (token == null) {
            throw new IllegalArgumentException("no test token for " + user + "; SoftHsm makes " + tokens.keySet());
        }
        return token;
    }

    public static Path library() {
        return LIBRARIES.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError(
                                "SoftHSM2 is not installed (no libsofthsm2.so): run scripts/test.sh, which installs the softhsm2 package"));
    }

    private static Map<String, Token> makeTokens() {
        Path library = library();
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null || !Path.of(conf).toAbsolutePath().equals(CONF)) {
            throw new AssertionError("SOFTHSM2_CONF must be " + CONF + " in the test JVM (was " + conf
                    + "): run the tests" + " with Maven (the pom's surefire configuration sets it) or scripts/test.sh");
        }
        try {
            Path tokenDirectory = DIRECTORY.resolve("tokens");
            if (Files.exists(tokenDirectory)) {
                try (Stream<Path> old = Files.walk(tokenDirectory)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(tokenDirectory);
            Files.writeString(
                    CONF,
                    "directories.tokendir = " + tokenDirectory + "\nobjectstore.backend = file\n"
                            + "log.level = ERROR\nslots.removable = false\n",
                    StandardCharsets.UTF_8);
            Token ana = make(library, ANA, "Ana Quispe", "ana-pin-5173", new String[] {
                "-keyalg", "RSA", "-keysize", "3072", "-sigalg", "SHA256withRSA"
            });
            Token rosa = make(library, ROSA, "Rosa Choque", "rosa-pin-8246", new String[] {
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA"
            });
            Token luis = make(library, LUIS, "Luis Mamani", "luis-pin-3390", null);
            Token trusted = make(library, ANA_TRUSTED, "Ana Quispe", "ana-pin-6621", new String[] {
                "-keyalg", "RSA", "-keysize", "3072", "-sigalg", "SHA256withRSA"
            });
            trusted = new Token(
                    ANA,
                    trusted.library(),
                    trusted.slot(),
                    trusted.label(),
                    trusted.pin(),
                    trusted.keyAlias(),
                    trusted.commonName());
            return Map.of(ANA, ana, ROSA, rosa, LUIS, luis, ANA_TRUSTED, trusted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Token make(Path library, String user, String commonName, String pin, String[] algorithm)
            throws IOException {
        String label = "sello-" + user;
        String initialised =
                run("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", "so-" + pin);
        Matcher slot = REASSIGNED.matcher(initialised);
        if (!slot.find()) {
            throw new AssertionError("softhsm2-util did not say which slot the token went to:\n" + initialised);
        }
        long slotId = Long.parseLong(slot.group(1));
        if (algorithm == null) {
            return new Token(user, library, slotId, label, pin, user, commonName);
        }
        Path config = DIRECTORY.resolve(label + ".cfg");
        // the same attributes an HSM's policy would force: the private key is never readable off the token
        Files.writeString(
                config,
                "name = " + label + "\nlibrary = " + library + "\nslot = " + slotId + "\n"
                        + "attributes(*, CKO_PRIVATE_KEY, *) = {\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n",
                StandardCharsets.UTF_8);
        String[] keytool = Stream.concat(
                        Stream.of(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-keystore",
                                "NONE",
                                "-storetype",
                                "PKCS11",
                                "-providerClass",
                                "sun.security.pkcs11.SunPKCS11",
                                "-providerArg",
                                config.toString(),
                                "-storepass",
                                pin,
                                "-alias",
                                user,
                                "-validity",
                                "365",
                                "-dname",
                                "CN=" + commonName + ", OU=Sello tests, O=Sello, C=BO"),
                        Stream.of(algorithm))
                .toArray(String[]::new);
        run(keytool);
        return new Token(user, library, slotId, label, pin, user, commonName);
    }

    /** The public key of the token's key pair (from the certificate stored beside it). */
    public static PublicKey publicKey(Token token) {
        try {
            return keyStore(token).getCertificate(token.keyAlias()).getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token " + token.label(), e);
        }
    }

    /**
     * Replaces the certificate beside the token's key with {@code chain} (the signer's certificate first), as the
     * holder of a token does with the certificate their authority issued for its key. The key stays on the token.
     */
    public static void installChain(Token token, X509Certificate... chain) {
        try {
            KeyStore store = keyStore(token);
            Key key = store.getKey(token.keyAlias(), null);
            store.setKeyEntry(token.keyAlias(), key, null, chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token " + token.label(), e);
        }
    }

    private static KeyStore keyStore(Token token) throws GeneralSecurityException {
        Provider provider = Security.getProvider("SunPKCS11")
                .configure("--name = " + token.label() + "-test\nlibrary = " + token.library() + "\nslot = "
                        + token.slot() + "\n");
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        try {
            store.load(null, token.pin().toCharArray());
        } catch (IOException e) {
            throw new KeyStoreException(e);
        }
        return store;
    }

    private static String run(String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", CONF.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(
                    command[0] + " cannot be run: run scripts/test.sh, which installs the softhsm2 package", e);
        }
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(command[0] + " " + command[1] + " failed:\n" + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
