package io.sello.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;

/**
 * An RFC 3161 time-stamp authority reached over HTTP ({@code sello.signing.tsa.*}, issue 16 §3), for EU DSS to
 * time-stamp signatures and documents with. Every answer is checked before it is used: status granted, our nonce
 * and message imprint echoed, the token's signature verifying with the TSA's certificate (the configured one when a
 * deployment pins it). Any failure, a time-out included, is a {@link SigningUnavailableException}: the sign-off
 * answers 503 and is never made without its time-stamp.
 */
final class TimestampAuthority implements TSPSource {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(TimestampAuthority.class);
    /** A token with its TSA's chain is a few kilobytes; anything much larger is not an answer to our request. */
    private static final int MAX_BYTES = 256 * 1024;

    static final int RETRY_AFTER_SECONDS = 30;
    private static final SecureRandom NONCES = new SecureRandom();

    private final URI url;
    private final X509Certificate pinned;
    private final Duration timeout;
    private transient HttpClient http;

    /**
     * @param url     the TSA's HTTP(S) address
     * @param pinned  the TSA's certificate, when a deployment pins it: tokens signed by any other key are refused
     * @param timeout for connecting and for the whole answer
     */
    public TimestampAuthority(URI url, X509Certificate pinned, Duration timeout) {
        this.url = url;
        this.pinned = pinned;
        this.timeout = timeout;
    }

    /** The TSA's host and path, for logs and error texts (never a query string, which could carry a credential). */
    public String name() {
        return url.getScheme() + "://" + url.getAuthority() + (url.getPath() == null ? "" : url.getPath());
    }

    @Override
    public TimestampBinary getTimeStampResponse(DigestAlgorithm algorithm, byte[] digest) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(
                true); // the TSA's certificate in the token, so that validators find it (and DSS embeds it)
        TimeStampRequest request =
                generator.generate(new ASN1ObjectIdentifier(algorithm.getOid()), digest, new BigInteger(64, NONCES));
        byte[] answer = post(request);
        try {
            TimeStampResponse response = new TimeStampResponse(answer);
            response.validate(request); // status, nonce, imprint, policy
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw unavailable(
                        "the time-stamp authority refused the request (status " + response.getStatus() + ")", null);
            }
            X509CertificateHolder signer = signerCertificate(token);
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
            return new TimestampBinary(token.getEncoded());
        } catch (SigningUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw unavailable("the time-stamp authority's answer is not a valid time-stamp", e);
        }
    }

    private X509CertificateHolder signerCertificate(TimeStampToken token) throws Exception {
        if (pinned != null) {
            X509CertificateHolder holder = new X509CertificateHolder(pinned.getEncoded());
            if (!token.getSID().match(holder)) {
                throw unavailable(
                        "the time-stamp was signed by another certificate than sello.signing.tsa.certificate", null);
            }
            return holder;
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw unavailable("the time-stamp carries no certificate of its authority", null);
        }
        return matches.iterator().next();
    }

    private byte[] post(TimeStampRequest request) {
        try {
            HttpResponse<InputStream> response = client().send(
                            HttpRequest.newBuilder(url)
                                    .timeout(timeout)
                                    .header("Content-Type", "application/timestamp-query")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw unavailable("the time-stamp authority answered HTTP " + response.statusCode(), null);
                }
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw unavailable("the time-stamp authority's answer is larger than a time-stamp", null);
                }
                return bytes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("the request to the time-stamp authority was interrupted", e);
        } catch (IOException e) {
            throw unavailable("the time-stamp authority cannot be reached", e);
        }
    }

    private synchronized HttpClient client() {
        if (http == null) {
            // no redirects: the configured address is the only one a signature's time may come from
            http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(timeout)
                    .build();
        }
        return http;
    }

    /** The client is told what failed, not where: the authority's address is the deployment's business, so it goes to the log. */
    private SigningUnavailableException unavailable(String what, Throwable cause) {
        log.warn("time-stamp authority {}: {}{}", name(), what, cause == null ? "" : " (" + cause + ")");
        return new SigningUnavailableException(
                what + "; the sign-off was not made, try again later", RETRY_AFTER_SECONDS, cause);
    }

    @Override
    public String toString() {
        return "TimestampAuthority[" + name() + (pinned == null ? "" : ", pinned") + "]";
    }
}
