package io.sello.signing;

import eu.europa.esig.dss.crl.CRLBinary;
import eu.europa.esig.dss.crl.CRLUtils;
import eu.europa.esig.dss.crl.CRLValidity;
import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.CertificateExtensionsUtils;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLToken;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fetches a certificate's CRL from its distribution points, but only from hosts a deployment allowed
 * ({@code sello.signing.trust.allowed-hosts}, issue 16 point 2): an uploaded certificate chooses its URLs, and the
 * service must not be made to call whatever host an attacker wrote there. No redirects (they could lead anywhere),
 * a short time-out and a size cap, since even an allowed host answers into a request an anonymous caller started.
 */
final class AllowListedCrlSource implements CRLSource {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AllowListedCrlSource.class);
    private static final int MAX_BYTES = 4 * 1024 * 1024;
    private final Set<String> hosts;
    private final transient HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3)).build();

    AllowListedCrlSource(List<String> hosts) {
        this.hosts = Set.copyOf(hosts);
    }

    /** Only http(s) URLs whose host is on the list, exactly. */
    boolean allowed(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
    }

    @Override
    public CRLToken getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
        if (issuer == null) {
            return null;
        }
        for (String url : CertificateExtensionsUtils.getCRLAccessUrls(certificate)) {
            if (!allowed(url)) {
                log.debug("CRL URL not on the allow-list, not fetched: {}", url);
                continue;
            }
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                    continue;
                }
                byte[] bytes;
                try (InputStream in = response.body()) {
                    bytes = in.readNBytes(MAX_BYTES + 1);
                }
                if (bytes.length > MAX_BYTES) {
                    continue;
                }
                CRLBinary binary = CRLUtils.buildCRLBinary(bytes);
                CRLValidity validity = CRLUtils.buildCRLValidity(binary, issuer);
                CRLToken token = new CRLToken(certificate, validity);
                token.setSourceURL(url);
                token.setExternalOrigin(RevocationOrigin.EXTERNAL);
                return token;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (Exception e) {
                log.debug("CRL from {} not usable: {}", url, e.toString());
            }
        }
        return null;
    }
}
