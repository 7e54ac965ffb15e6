package io.sello.signing;

import eu.europa.esig.dss.crl.CRLBinary;
import eu.europa.esig.dss.crl.CRLUtils;
import eu.europa.esig.dss.crl.CRLValidity;
import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.CertificateExtensionsUtils;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Fetches a certificate's CRL from its distribution points, but only from hosts a deployment allowed
 * ({@code sello.signing.trust.allowed-hosts}, issue 16 point 2), through {@link AllowListedHttp}.
 */
final class AllowListedCrlSource implements CRLSource {
    private static final Logger log = LoggerFactory.getLogger(AllowListedCrlSource.class);
    private final transient AllowListedHttp http;

    AllowListedCrlSource(List<String> hosts) {
        this.http = new AllowListedHttp(hosts);
    }

    boolean allowed(String url) {
        return http.allowed(url);
    }

    @Override
    public CRLToken getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
        if (issuer == null) {
            return null;
        }
        for (String url : CertificateExtensionsUtils.getCRLAccessUrls(certificate)) {
            if (!http.allowed(url)) {
                log.debug("CRL URL not on the allow-list, not fetched: {}", url);
                continue;
            }
            try {
                byte[] bytes = http.get(url);
                if (bytes == null) {
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
