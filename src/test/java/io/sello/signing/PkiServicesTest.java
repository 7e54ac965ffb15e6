package io.sello.signing;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import eu.europa.esig.dss.enumerations.CertificateStatus;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.x509.revocation.ocsp.OCSP;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPToken;
import io.sello.document.SignatureSlot;
import io.sello.support.PkiServer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The offline test PKI's network services (issue 16, point 4) and revocation fetching through the allow-list (point
 * 2): the TSA, the OCSP responder and the CRLs answer as their RFCs say, {@link AllowListedOcspSource} asks only
 * allowed hosts, and EU DSS rates a signature VALID on the revocation data it fetched, and nothing else.
 */
class PkiServicesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PkiServer server;
    private static byte[] pdf;

    @BeforeAll
    static void start() throws Exception {
        server = PkiServer.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph("Formulario de prueba"));
        document.close();
        pdf = out.toByteArray();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> post(String url, String type, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void validatePath(List<X509Certificate> path) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(server.pki.root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    }

    @Test
    void theTsaStampsAtTheClocksTimeAndOnlyTheTrustedOneChainsToTheRoot() throws Exception {
        Instant genTime = server.pki.now.plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        server.clock.set(genTime);
        byte[] imprint = MessageDigest.getInstance("SHA-256").digest("contenido firmado".getBytes());
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, imprint, BigInteger.valueOf(42));

        HttpResponse<byte[]> answer = post(server.tsaUrl(), "application/timestamp-query", request.getEncoded());
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
        TimeStampResponse response = new TimeStampResponse(answer.body());
        response.validate(request); // imprint, nonce and certReq echoed as RFC 3161 2.4.2 requires
        TimeStampToken token = response.getTimeStampToken();
        X509Certificate tsa = server.pki.tsa.certificate();
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa)); // also checks ESSCertIDv2 and the EKU
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(genTime);
        assertThat(token.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
                .isNotNull();
        validatePath(List.of(tsa, server.pki.intermediate));

        TimeStampResponse untrusted = new TimeStampResponse(
                post(server.untrustedTsaUrl(), "application/timestamp-query", request.getEncoded())
                        .body());
        untrusted.validate(request);
        X509Certificate untrustedCertificate = server.pki.untrustedTsa.certificate();
        untrusted.getTimeStampToken().validate(new JcaSimpleSignerInfoVerifierBuilder().build(untrustedCertificate));
        assertThat(untrustedCertificate.getSubjectX500Principal())
                .isEqualTo(tsa.getSubjectX500Principal()); // same name
        assertThatThrownBy(() -> validatePath(List.of(untrustedCertificate)))
                .isInstanceOf(CertPathValidatorException.class);

        int before = server.requests("/tsa");
        server.tsaDown(true);
        try {
            HttpResponse<byte[]> down = post(server.tsaUrl(), "application/timestamp-query", request.getEncoded());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).hasValue("30");
        } finally {
            server.tsaDown(false);
        }
        assertThat(server.requests("/tsa")).isEqualTo(before + 1);
    }

    @Test
    void theOcspResponderAndTheCrlsTellGoodRevokedAndUnknown() throws Exception {
        Instant now = server.pki.now.plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
        server.clock.set(now);
        var digests = new JcaDigestCalculatorProviderBuilder().build();
        var sha1 = digests.get(CertificateID.HASH_SHA1);
        JcaX509CertificateHolder issuing = new JcaX509CertificateHolder(server.pki.intermediate);
        BigInteger neverIssued = BigInteger.valueOf(987_654_321);
        Extension nonce = new Extension(
                OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                false,
                new DEROctetString(new DEROctetString(new byte[] {1, 2, 3, 4})));
        byte[] request = new OCSPReqBuilder()
                .addRequest(new CertificateID(
                        sha1, issuing, server.pki.valid.certificate().getSerialNumber()))
                .addRequest(new CertificateID(
                        sha1, issuing, server.pki.revoked.certificate().getSerialNumber()))
                .addRequest(new CertificateID(sha1, issuing, neverIssued))
                .setRequestExtensions(new Extensions(nonce))
                .build()
                .getEncoded();

        HttpResponse<byte[]> answer = post(server.ocspUrl(), "application/ocsp-request", request);
        assertThat(answer.headers().firstValue("Content-Type"))
                .as(new String(answer.body()))
                .hasValue("application/ocsp-response");
        OCSPResp response = new OCSPResp(answer.body());
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        assertThat(basic.isSignatureValid(
                        new JcaContentVerifierProviderBuilder().build(server.pki.intermediate.getPublicKey())))
                .isTrue();
        assertThat(basic.getProducedAt().toInstant()).isEqualTo(now);
        assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)).isEqualTo(nonce);
        SingleResp[] answers = basic.getResponses();
        assertThat(answers[0].getCertStatus()).isNull(); // GOOD
        assertThat(answers[0].getThisUpdate().toInstant()).isEqualTo(now);
        RevokedStatus revoked = (RevokedStatus) answers[1].getCertStatus();
        assertThat(revoked.getRevocationTime().toInstant())
                .isEqualTo(server.pki.revokedAt.truncatedTo(ChronoUnit.SECONDS));
        assertThat(answers[2].getCertStatus()).isInstanceOf(UnknownStatus.class);

        // the GET form (RFC 6960 A.1): the same request, base64 and URL-encoded into the path
        HttpResponse<byte[]> viaGet = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.ocspUrl() + "/"
                                + URLEncoder.encode(
                                        Base64.getEncoder().encodeToString(request), StandardCharsets.US_ASCII)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        BasicOCSPResp fromGet = (BasicOCSPResp) new OCSPResp(viaGet.body()).getResponseObject();
        assertThat(fromGet.getResponses()[1].getCertStatus()).isInstanceOf(RevokedStatus.class);

        HttpResponse<byte[]> crlAnswer = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.crlUrl("issuing.crl"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        X509CRL crl = (X509CRL)
                CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(crlAnswer.body()));
        crl.verify(server.pki.intermediate.getPublicKey());
        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(now);
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(now.plus(Duration.ofDays(7)));
        assertThat(crl.isRevoked(server.pki.revoked.certificate())).isTrue();
        assertThat(crl.isRevoked(server.pki.valid.certificate())).isFalse();
        X509CRL rootCrl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(HTTP.send(
                                HttpRequest.newBuilder(URI.create(server.crlUrl("root.crl")))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body()));
        rootCrl.verify(server.pki.root.getPublicKey());
        assertThat(rootCrl.getRevokedCertificates()).isNull();
    }

    @Test
    void theOcspSourceAsksOnlyAllowListedHosts() {
        CertificateToken valid = new CertificateToken(server.pki.valid.certificate());
        CertificateToken revoked = new CertificateToken(server.pki.revoked.certificate());
        CertificateToken issuing = new CertificateToken(server.pki.intermediate);
        server.clock.set(Instant.now());

        int before = server.requests("/ocsp");
        int crlBefore = server.requests("/crl/issuing.crl");
        OCSPToken good = new AllowListedOcspSource(List.of("127.0.0.1")).getRevocationToken(valid, issuing);
        assertThat(good).isNotNull();
        assertThat(good.getStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(good.isValid()).isTrue(); // signed by the issuing CA, which DSS accepts as a responder
        assertThat(good.getSourceURL()).isEqualTo(server.ocspUrl());
        OCSPToken bad = new AllowListedOcspSource(List.of("127.0.0.1")).getRevocationToken(revoked, issuing);
        assertThat(bad.getStatus()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(bad.getRevocationDate().toInstant()).isEqualTo(server.pki.revokedAt.truncatedTo(ChronoUnit.SECONDS));
        assertThat(server.requests("/ocsp")).isEqualTo(before + 2);

        // the certificates name http://127.0.0.1:PORT/ocsp; "localhost" is the same machine, but not the same name
        assertThat(new AllowListedOcspSource(List.of("localhost")).getRevocationToken(valid, issuing))
                .isNull();
        assertThat(new AllowListedOcspSource(List.of("ocsp.adsib.gob.bo")).getRevocationToken(valid, issuing))
                .isNull();
        assertThat(new AllowListedCrlSource(List.of("localhost")).getRevocationToken(valid, issuing))
                .isNull();
        assertThat(server.requests("/ocsp")).isEqualTo(before + 2);
        assertThat(server.requests("/crl/issuing.crl")).isEqualTo(crlBefore);
    }

    private static TrustValidator.Rating rate(TrustValidator trust, SigningKey key, String name) {
        byte[] signed = new PdfSigner(ZoneId.of("America/La_Paz"))
                .sign(
                        pdf,
                        new SignatureSlot("ELABORADO", 1, 60, 600, 200, 60),
                        new Signer("ELABORADO", name, "Cargo"),
                        key,
                        Instant.now());
        Map<String, TrustValidator.Rating> ratings = trust.rate(signed);
        assertThat(ratings).hasSize(1);
        return ratings.values().iterator().next();
    }

    @Test
    void dssRatesOnTheRevocationDataItFetched() {
        server.clock.set(Instant.now());
        TrustProperties fetching = new TrustProperties(server.rootPemFolder(), true, List.of(server.host()));
        TrustValidator trust = new TrustValidator(fetching);
        int ocspBefore = server.requests("/ocsp");
        int crlsBefore = server.requests("/crl/issuing.crl") + server.requests("/crl/root.crl");

        TrustValidator.Rating valid = rate(trust, server.pki.valid, "Ana Quispe");
        assertThat(valid.verdict())
                .as(valid.indication() + " " + valid.subIndication() + " " + valid.reason())
                .isEqualTo(Verdict.VALID);
        assertThat(valid.chain()).isEqualTo(TrustValidator.Chain.TRUSTED);
        // OCSP first (DSS's default strategy), for the signer and the issuing CA; a good answer leaves the CRLs unasked
        assertThat(server.requests("/ocsp")).isEqualTo(ocspBefore + 2);
        assertThat(server.requests("/crl/issuing.crl") + server.requests("/crl/root.crl"))
                .isEqualTo(crlsBefore);

        TrustValidator.Rating revoked = rate(trust, server.pki.revoked, "Carlos Revocado");
        assertThat(revoked.verdict()).as(revoked.subIndication()).isNotEqualTo(Verdict.VALID);
        assertThat(revoked.reason())
                .as(revoked.indication() + " " + revoked.subIndication())
                .isEqualTo("certificado revocado");

        // with no OCSP answer, the same verdicts come from the CRLs
        int crlBefore = server.requests("/crl/issuing.crl");
        RevocationSource<OCSP> silent = (certificate, issuer) -> null;
        TrustValidator crlOnly = new TrustValidator(fetching, List.of(), null, silent);
        TrustValidator.Rating viaCrl = rate(crlOnly, server.pki.valid, "Ana Quispe");
        assertThat(viaCrl.verdict())
                .as(viaCrl.subIndication() + " " + viaCrl.reason())
                .isEqualTo(Verdict.VALID);
        assertThat(server.requests("/crl/issuing.crl")).isGreaterThan(crlBefore);
        assertThat(rate(crlOnly, server.pki.revoked, "Carlos Revocado").reason())
                .isEqualTo("certificado revocado");

        // the same deployment allowing only another host fetches nothing and cannot conclude
        int total = server.requests();
        TrustValidator elsewhere =
                new TrustValidator(new TrustProperties(server.rootPemFolder(), true, List.of("localhost")));
        TrustValidator.Rating unknown = rate(elsewhere, server.pki.valid, "Ana Quispe");
        assertThat(unknown.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(unknown.reason()).isEqualTo("sin datos de revocación");
        assertThat(server.requests()).isEqualTo(total);
    }
}
