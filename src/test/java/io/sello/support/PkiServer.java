package io.sello.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.sello.signing.SigningKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The network side of the offline test PKI (issue 16, point 4), on loopback only: an RFC 3161 TSA whose certificate
 * chains to the test root, a second one whose certificate is self-signed, an OCSP responder (RFC 6960) and both CAs'
 * CRLs. Every certificate of {@link #pki} below the root names this server as its CRL distribution point and OCSP
 * location, so a validator allowed to fetch from {@link #host()} finds its revocation status here. CRLs, OCSP answers
 * and time-stamps carry the time of {@link #clock}, which a test moves.
 *
 * <pre>
 * try (PkiServer server = PkiServer.start()) {
 *     server.tsaUrl();  server.pki.valid;  server.clock.advance(Duration.ofDays(400));
 * }
 * </pre>
 */
public final class PkiServer implements AutoCloseable {
    /** The TSA's policy (RFC 3161 2.4.2 TSTInfo.policy), an OID under the example arc (RFC 7229). */
    public static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.13.1");

    private static final String HOST = "127.0.0.1";

    public final TestPki pki;
    public final SettableClock clock;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Path rootFolder;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<BigInteger, Instant> revocations = new ConcurrentHashMap<>();
    private final AtomicBoolean tsaDown = new AtomicBoolean();
    private final AtomicBoolean revocationDown = new AtomicBoolean();
    private final AtomicLong tsaSerials = new AtomicLong(1);

    private PkiServer(boolean running) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), 0), 16);
        // the port exists only once bound, and every certificate must name it: bind first, then issue
        pki = new TestPki("http://" + HOST + ":" + server.getAddress().getPort());
        clock = running ? SettableClock.running() : new SettableClock(pki.now);
        revocations.put(pki.revoked.certificate().getSerialNumber(), pki.revokedAt);
        rootFolder = Files.createTempDirectory("sello-test-roots");
        Files.writeString(rootFolder.resolve("root.pem"), pem(pki.root));
        threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "test-pki-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/tsa", counted(tsa(pki.tsa)));
        server.createContext("/tsa-untrusted", counted(tsa(pki.untrustedTsa)));
        server.createContext("/ocsp", counted(this::ocsp));
        server.createContext("/crl/root.crl", counted(crl(pki.root, pki.rootKeys)));
        server.createContext("/crl/issuing.crl", counted(crl(pki.intermediate, pki.intermediateKeys)));
        server.start();
    }

    /** Builds the PKI (about ten RSA 3072 keys: a few seconds) and starts serving on 127.0.0.1, a free port. */
    public static PkiServer start() {
        return start(false);
    }

    /**
     * @param running the server's clock runs with real time (and can still be moved): for a service that signs with
     *                it, where a time-stamp must come after the signature and revocation data after the time-stamp
     */
    public static PkiServer start(boolean running) {
        try {
            return new PkiServer(running);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("test PKI server", e);
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}, the prefix of every URL below. */
    public String baseUrl() {
        return pki.baseUrl;
    }

    public String tsaUrl() {
        return baseUrl() + "/tsa";
    }

    public String untrustedTsaUrl() {
        return baseUrl() + "/tsa-untrusted";
    }

    public String ocspUrl() {
        return baseUrl() + "/ocsp";
    }

    /** @param name {@code root.crl} or {@code issuing.crl} */
    public String crlUrl(String name) {
        return baseUrl() + "/crl/" + name;
    }

    /** A folder holding the root as {@code root.pem}, for {@code sello.signing.trust.roots}; removed on {@link #close()}. */
    public Path rootPemFolder() {
        return rootFolder;
    }

    /** While on, both TSAs answer 503 with {@code Retry-After: 30}, as an overloaded or unreachable TSA would. */
    public void tsaDown(boolean down) {
        tsaDown.set(down);
    }

    /** While on, the OCSP responder and the CRL URLs answer 503. */
    public void revocationDown(boolean down) {
        revocationDown.set(down);
    }

    /** Revokes (key compromise) any certificate of this PKI from {@code when}: later CRLs and OCSP answers say so. */
    public void revoke(X509Certificate certificate, Instant when) {
        revocations.put(certificate.getSerialNumber(), when);
    }

    /** How many requests reached {@code path} ({@code /tsa}, {@code /tsa-untrusted}, {@code /ocsp}, {@code /crl/issuing.crl}…). */
    public int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    /** Every request that reached this server, on any path. */
    public int requests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try (Stream<Path> files = Files.walk(rootFolder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind by a test
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Handler {
        Answer handle(HttpExchange exchange) throws Exception;
    }

    private record Answer(int status, String contentType, byte[] body) {
        static Answer unavailable() {
            return new Answer(503, "text/plain", "unavailable".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Counts the request under its exact path (a GET to /ocsp/… counts as /ocsp), then answers it. */
    private HttpHandler counted(Handler handler) {
        return exchange -> {
            String context = exchange.getHttpContext().getPath();
            requests.computeIfAbsent(context, k -> new AtomicInteger()).incrementAndGet();
            Answer answer;
            try {
                answer = handler.handle(exchange);
            } catch (Exception e) {
                answer = new Answer(500, "text/plain", e.toString().getBytes(StandardCharsets.UTF_8));
            }
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", answer.contentType());
                if (answer.status() == 503) {
                    exchange.getResponseHeaders().set("Retry-After", "30");
                }
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                exchange.getResponseBody().write(answer.body());
            }
        };
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readNBytes(64 * 1024);
        }
    }

    /** RFC 3161 over HTTP (section 3.4): a DER TimeStampReq in, a TimeStampResp out, genTime from {@link #clock}. */
    private Handler tsa(SigningKey key) throws Exception {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        // a SHA-256 certificate digest makes BouncyCastle write ESSCertIDv2 (RFC 5816) into the token
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", key.privateKey(), key.certificate()),
                digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                TSA_POLICY);
        tokens.addCertificates(new JcaCertStore(key.chain()));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        return exchange -> {
            if (tsaDown.get()) {
                return Answer.unavailable();
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                return new Answer(405, "text/plain", new byte[0]);
            }
            TimeStampRequest request = new TimeStampRequest(body(exchange));
            byte[] reply;
            synchronized (responses) {
                reply = responses
                        .generate(request, BigInteger.valueOf(tsaSerials.incrementAndGet()), Date.from(clock.instant()))
                        .getEncoded();
            }
            return new Answer(200, "application/timestamp-reply", reply);
        };
    }

    /** A CRL made at request time: thisUpdate now (by {@link #clock}), nextUpdate in 7 days, listing today's revocations. */
    private Handler crl(X509Certificate issuer, KeyPair keys) {
        return exchange -> {
            if (revocationDown.get()) {
                return Answer.unavailable();
            }
            Map<BigInteger, Instant> listed = new HashMap<>();
            revocations.forEach((serial, when) -> {
                X509Certificate certificate = pki.issued.get(serial);
                if (certificate != null
                        && certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    listed.put(serial, when);
                }
            });
            return new Answer(
                    200,
                    "application/pkix-crl",
                    TestPki.crl(issuer, keys, listed, clock.instant()).getEncoded());
        };
    }

    /**
     * RFC 6960 over HTTP (appendix A): POST with a DER OCSPRequest, or GET /ocsp/{base64}. Answers are signed by the
     * CA that issued the certificate asked about (RFC 6960 4.2.2.2, no delegated responder), carry the request's
     * nonce back (RFC 8954), and say good, revoked (with its time) or unknown (a serial this PKI never issued).
     */
    private Answer ocsp(HttpExchange exchange) throws Exception {
        if (revocationDown.get()) {
            return Answer.unavailable();
        }
        byte[] der;
        if (exchange.getRequestMethod().equals("GET")) {
            String path = exchange.getRequestURI().getRawPath();
            String encoded = URLDecoder.decode(
                    path.substring(Math.min(path.length(), "/ocsp/".length())), StandardCharsets.US_ASCII);
            der = Base64.getDecoder().decode(encoded);
        } else {
            der = body(exchange);
        }
        OCSPReq request;
        try {
            request = new OCSPReq(der);
        } catch (IOException malformed) {
            return ocspAnswer(new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null));
        }
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        Req[] asked = request.getRequestList();
        X509CertificateHolder rootHolder = new JcaX509CertificateHolder(pki.root);
        X509CertificateHolder issuingHolder = new JcaX509CertificateHolder(pki.intermediate);
        X509Certificate issuer = asked.length == 0
                ? null
                : asked[0].getCertID().matchesIssuer(issuingHolder, digests)
                        ? pki.intermediate
                        : asked[0].getCertID().matchesIssuer(rootHolder, digests) ? pki.root : null;
        if (issuer == null) {
            // not a CA of this PKI: RFC 6960 2.3 "unauthorized"
            return ocspAnswer(new OCSPRespBuilder().build(OCSPRespBuilder.UNAUTHORIZED, null));
        }
        KeyPair issuerKeys = issuer == pki.root ? pki.rootKeys : pki.intermediateKeys;
        X509CertificateHolder issuerHolder = issuer == pki.root ? rootHolder : issuingHolder;
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(
                SubjectPublicKeyInfo.getInstance(issuer.getPublicKey().getEncoded()),
                digests.get(CertificateID.HASH_SHA1)));
        Instant now = clock.instant();
        for (Req one : asked) {
            CertificateID id = one.getCertID();
            X509Certificate certificate = pki.issued.get(id.getSerialNumber());
            CertificateStatus status;
            if (!id.matchesIssuer(issuerHolder, digests)
                    || certificate == null
                    || !certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                status = new UnknownStatus();
            } else if (revocations.containsKey(id.getSerialNumber())) {
                status = new RevokedStatus(Date.from(revocations.get(id.getSerialNumber())), CRLReason.keyCompromise);
            } else {
                status = CertificateStatus.GOOD;
            }
            builder.addResponse(id, status, Date.from(now), Date.from(now.plus(Duration.ofDays(1))), null);
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        var basic = builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate()),
                new X509CertificateHolder[] {issuerHolder},
                Date.from(now));
        return ocspAnswer(new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic));
    }

    private static Answer ocspAnswer(OCSPResp response) throws IOException {
        return new Answer(200, "application/ocsp-response", response.getEncoded());
    }
}
