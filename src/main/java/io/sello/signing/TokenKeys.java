package io.sello.signing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidParameterException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Keys on a PKCS#11 token or HSM, through the JDK's SunPKCS11 provider: one configured provider per
 * user, logged in with the user's PIN at start-up. The private key stays a handle to an object on the
 * token; {@link CadesSignature} signs with the same provider, so the token computes the signature.
 *
 * <p>Every error names the user and the setting, never the PIN: these texts go to the start-up log.
 */
final class TokenKeys {
    private static final Logger log = LoggerFactory.getLogger(TokenKeys.class);
    private static final String WRAPPER = "sun.security.pkcs11.wrapper.";

    private TokenKeys() {}

    /**
     * @param tokenOwners the tokens already opened for other users ({@code module#slot} to user), to refuse a
     *                    second user on the same token: a PKCS#11 login unlocks the whole token for the process,
     *                    and SunPKCS11 does not check a second PIN for a token already logged in, so a key on a
     *                    shared token would not be the user's own
     */
    static SigningKey load(String user, SigningProperties.Pkcs11 token, Map<String, String> tokenOwners) {
        String prefix = "sello.signing.signers." + user + ".pkcs11";
        Path library = token.library().toAbsolutePath();
        if (!Files.isRegularFile(library)) {
            throw new IllegalStateException(prefix + ".library: " + library + " does not exist (is the token's"
                    + " PKCS#11 module installed? for SoftHSM: the softhsm2 package)");
        }
        long slot = token.slot() != null ? token.slot() : slotOf(user, library, token.tokenLabel());
        String other = tokenOwners.putIfAbsent(library.normalize() + "#" + slot, user);
        if (other != null && !other.equals(user)) {
            throw new IllegalStateException(prefix + ": " + other + " and " + user + " are configured on the same token"
                    + " (slot " + slot + "); each person needs a token of their own");
        }
        Provider sunPkcs11 = Security.getProvider("SunPKCS11");
        if (sunPkcs11 == null) {
            throw new IllegalStateException(
                    prefix + ": this JVM has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        Provider provider;
        try {
            provider = sunPkcs11.configure("--name=sello-" + user.replaceAll("[^A-Za-z0-9]", "_") + "\nlibrary = \""
                    + library + "\"\nslot = " + slot + "\n");
        } catch (ProviderException | InvalidParameterException e) {
            throw new IllegalStateException(
                    prefix + ": " + user + "'s token in slot " + slot + " could not be opened (" + reason(e) + ")", e);
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, token.pin().toCharArray());
        } catch (IOException e) {
            if (causedBy(e, FailedLoginException.class)) {
                throw new IllegalStateException(prefix + ".pin: the PIN for " + user + "'s token was refused");
            }
            throw new IllegalStateException(prefix + ": " + user + "'s token could not be opened (" + reason(e) + ")");
        } catch (GeneralSecurityException | ProviderException e) {
            throw new IllegalStateException(prefix + ": " + user + "'s token could not be opened (" + reason(e) + ")");
        }
        String alias = token.keyAlias();
        try {
            if (!store.isKeyEntry(alias)) {
                throw new IllegalStateException(prefix + ".key-alias: " + user
                        + "'s token holds no private key labelled '" + alias + "' (labels on the token: "
                        + String.join(", ", Collections.list(store.aliases())) + ")");
            }
            Certificate[] certificates = store.getCertificateChain(alias);
            if (certificates == null || certificates.length == 0) {
                throw new IllegalStateException(prefix + ".key-alias: the key '" + alias + "' on " + user
                        + "'s token has no certificate with the same label and ID");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : certificates) {
                chain.add((X509Certificate) certificate);
            }
            // no password: the PKCS#11 login above already unlocked the token's keys
            SigningKey key = new SigningKey((PrivateKey) store.getKey(alias, null), chain, provider);
            log.info(
                    "{} signs with the key '{}' on the PKCS#11 token in slot {} ({}): {}",
                    user,
                    alias,
                    slot,
                    library.getFileName(),
                    key.certificate().getSubjectX500Principal().getName());
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    prefix + ": the key '" + alias + "' on " + user + "'s token cannot be used (" + reason(e) + ")");
        }
    }

    /**
     * The slot whose token carries {@code label}. SunPKCS11's configuration knows slots, not labels, and the JDK
     * publishes no API for token information, so this asks the module itself through the JDK's PKCS#11 wrapper,
     * which the JVM must export: {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}
     * (the service jar's manifest does; tests get it from the pom).
     */
    private static long slotOf(String user, Path library, String label) {
        String prefix = "sello.signing.signers." + user + ".pkcs11.token-label";
        try {
            Class<?> wrapper = Class.forName(WRAPPER + "PKCS11");
            Class<?> initArgsType = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
            Object initArgs = initArgsType.getConstructor().newInstance();
            // as SunPKCS11 itself initialises a module: the module may use the operating system's locks
            initArgsType.getField("flags").setLong(initArgs, 0x2L /* CKF_OS_LOCKING_OK */);
            Object module = wrapper.getMethod("getInstance", String.class, String.class, initArgsType, boolean.class)
                    .invoke(null, library.toString(), "C_GetFunctionList", initArgs, false);
            long[] slots =
                    (long[]) wrapper.getMethod("C_GetSlotList", boolean.class).invoke(module, true);
            List<String> labels = new ArrayList<>();
            for (long slot : slots) {
                Object info = wrapper.getMethod("C_GetTokenInfo", long.class).invoke(module, slot);
                String found =
                        new String((char[]) info.getClass().getField("label").get(info)).trim();
                if (found.equals(label.trim())) {
                    return slot;
                }
                if (!found.isEmpty()) { // SoftHSM, for one, always offers an uninitialised token without a label
                    labels.add(found);
                }
            }
            throw new IllegalStateException(prefix + ": no token labelled '" + label + "' (tokens present: "
                    + (labels.isEmpty() ? "none" : String.join(", ", labels)) + ")");
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(prefix + ": finding a token by label needs the JVM option --add-exports"
                    + " jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED; or give the slot ID (.slot)");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    prefix + ": the PKCS#11 module could not list its tokens (" + reason(e.getCause()) + ")");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(prefix + ": this JVM has no SunPKCS11 wrapper; give the slot ID (.slot)");
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends LoginException> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The innermost message, which for a token is a PKCS#11 return code such as {@code CKR_PIN_LOCKED}: it tells
     * what went wrong and, unlike a configuration text, cannot contain the PIN, which is only ever passed as chars.
     */
    private static String reason(Throwable e) {
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        return message == null || message.isBlank() ? innermost.getClass().getSimpleName() : message;
    }
}
