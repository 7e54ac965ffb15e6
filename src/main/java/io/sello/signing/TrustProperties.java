package io.sello.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.IDN;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code sello.signing.trust.*}: what verification trusts (issue 16, point 2).
 *
 * @param roots              a folder of PEM certificates ({@code *.pem}, {@code *.crt}, {@code *.cer}): the trust
 *                           anchors a signer's chain must reach. None by default, so nothing is rated valid until a
 *                           deployment names the authorities it accepts; the development keystore is never among them
 * @param revocationFetching fetch CRLs and OCSP answers over the network. Off by default: uploads are untrusted, and a
 *                           certificate's distribution points would otherwise make the service call any host its
 *                           author chose. Revocation data embedded in the signature is always used
 * @param allowedHosts       when fetching is on, the only hosts it may reach (exact names, e.g. {@code crl.adsib.gob.bo});
 *                           required then, since fetching from "any host named in a certificate" is what is ruled out
 *
 * <p>Public only for test code outside this package ({@code support.TestPki}, {@code bench.LevelTiming}; ArchitectureTest's
 * list).
 */
@ConfigurationProperties("sello.signing.trust")
public record TrustProperties(Path roots, boolean revocationFetching, List<String> allowedHosts) {
    public static final TrustProperties NONE = new TrustProperties(null, false, List.of());

    public TrustProperties {
        allowedHosts = allowedHosts == null
                ? List.of()
                : allowedHosts.stream()
                        .map(h -> IDN.toASCII(h.trim()).toLowerCase(Locale.ROOT))
                        .toList();
        if (roots != null && !Files.isDirectory(roots)) {
            throw new IllegalArgumentException("sello.signing.trust.roots: " + roots + " is not a folder");
        }
        if (revocationFetching && allowedHosts.isEmpty()) {
            throw new IllegalArgumentException("sello.signing.trust.revocation-fetching is on but"
                    + " sello.signing.trust.allowed-hosts is empty: name the CRL/OCSP hosts it may reach");
        }
        for (String host : allowedHosts) {
            if (!host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
                throw new IllegalArgumentException(
                        "sello.signing.trust.allowed-hosts: " + host + " is not a host name");
            }
        }
    }
}
