package io.sello.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.CertificateExtensionsUtils;
import eu.europa.esig.dss.spi.DSSRevocationUtils;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPToken;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * Asks a certificate's OCSP responder (its AIA id-ad-ocsp URLs, RFC 6960) for its status, but only responders on
 * hosts a deployment allowed ({@code sello.signing.trust.allowed-hosts}, issue 16 point 2), through
 * {@link AllowListedHttp}: the OCSP twin of {@link AllowListedCrlSource}. Each request carries a fresh nonce
 * (RFC 8954) and an answer that does not echo it is not used, so a replayed "good" from before a revocation cannot
 * stand in for today's. Whether the answer is signed by someone entitled to answer is DSS's to judge.
 */
final class AllowListedOcspSource implements OCSPSource {
    private static final Logger log = LoggerFactory.getLogger(AllowListedOcspSource.class);
    private static final SecureRandom NONCES = new SecureRandom();
    private final transient AllowListedHttp http;

    AllowListedOcspSource(List<String> hosts) {
        this.http = new AllowListedHttp(hosts);
    }

    @Override
    public OCSPToken getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
        if (issuer == null) {
            return null;
        }
        for (String url : CertificateExtensionsUtils.getOCSPAccessUrls(certificate)) {
            if (!http.allowed(url)) {
                log.debug("OCSP URL not on the allow-list, not asked: {}", url);
                continue;
            }
            try {
                // SHA-1 in the CertID is an identifier, not a signature: it is what RFC 5019 responders all accept
                CertificateID id = DSSRevocationUtils.getOCSPCertificateID(certificate, issuer, DigestAlgorithm.SHA1);
                byte[] nonce = new byte[16];
                NONCES.nextBytes(nonce);
                Extension asked = new Extension(
                        OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new DEROctetString(nonce)));
                byte[] request = new OCSPReqBuilder()
                        .addRequest(id)
                        .setRequestExtensions(new Extensions(asked))
                        .build()
                        .getEncoded();
                byte[] body = http.post(url, "application/ocsp-request", request);
                if (body == null) {
                    continue;
                }
                OCSPResp response = new OCSPResp(body);
                if (response.getStatus() != OCSPResp.SUCCESSFUL
                        || !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                    log.debug("OCSP responder {} answered status {}", url, response.getStatus());
                    continue;
                }
                Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
                if (echoed == null
                        || !Arrays.equals(
                                echoed.getExtnValue().getOctets(),
                                asked.getExtnValue().getOctets())) {
                    log.debug("OCSP answer from {} does not carry the request's nonce, not used", url);
                    continue;
                }
                SingleResp single = DSSRevocationUtils.getLatestSingleResponse(basic, certificate, issuer);
                if (single == null) {
                    continue;
                }
                OCSPToken token = new OCSPToken(basic, single, certificate, issuer);
                token.setSourceURL(url);
                token.setExternalOrigin(RevocationOrigin.EXTERNAL);
                return token;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (Exception e) {
                log.debug("OCSP answer from {} not usable: {}", url, e.toString());
            }
        }
        return null;
    }
}
