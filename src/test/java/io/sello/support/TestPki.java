package io.sello.support;

import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import io.sello.signing.SigningKey;
import io.sello.signing.TrustProperties;
import io.sello.signing.TrustValidator;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An offline PKI made in the test JVM with BouncyCastle (issue 16, point 4): a root CA, an intermediate CA, signers
 * issued by it (in force, expired, revoked, with the wrong key usage, about to expire), an RFC 3161 time-stamping
 * certificate, each CA's CRL, and self-signed certificates in anyone's name (a signer and a TSA). Keys are RSA 3072
 * like every new key of the service.
 *
 * <p>{@code new TestPki()} touches no network and its certificates name no URL. {@link PkiServer} builds one with
 * its own base URL, so that every certificate below the root carries a CRL distribution point and an OCSP URL
 * answered by that server.
 */
public final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIALS = new AtomicLong(1000);
    /** keyUsage of a CA (RFC 5280 4.2.1.3) */
    static final int CA_USAGE = KeyUsage.keyCertSign | KeyUsage.cRLSign;
    /** keyUsage a signing certificate needs (ETSI EN 319 412-2 4.3.2: non-repudiation for content commitment) */
    static final int SIGNER_USAGE = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;

    public final Instant now = Instant.now();
    /** Where this PKI's CRLs and OCSP responder are, {@code http://127.0.0.1:PORT}; null: the certificates name none. */
    public final String baseUrl;

    public final KeyPair rootKeys = keys();
    public final X509Certificate root;
    public final KeyPair intermediateKeys = keys();
    public final X509Certificate intermediate;
    public final SigningKey valid;
    public final SigningKey expired;
    /** Revoked (key compromise) at {@link #revokedAt}, two days before {@link #now}. */
    public final SigningKey revoked;

    public final Instant revokedAt;
    public final SigningKey forged;
    /** Issued by the intermediate for key encipherment only: no digitalSignature, no nonRepudiation. */
    public final SigningKey wrongKeyUsage;
    /** In force now, but its validity ends {@link #now} + 2 days: a test moves a clock past it. */
    public final SigningKey expiringSoon;
    /** The time-stamping authority: issued by the intermediate, critical EKU id-kp-timeStamping only. */
    public final SigningKey tsa;
    /** A time-stamping authority whose certificate is self-signed: no chain to {@link #root}. */
    public final SigningKey untrustedTsa;
    /** The root's CRL (the intermediate in good standing) and the intermediate's (listing {@link #revoked}). */
    public final X509CRL rootCrl;

    public final X509CRL intermediateCrl;
    /** Every certificate this PKI issued below the root, by serial: an OCSP responder says "good" only for these. */
    final Map<BigInteger, X509Certificate> issued = new ConcurrentHashMap<>();

    /** Both CRLs as a DSS revocation source: the revocation data a test hands verification offline. */
    public ExternalResourcesCRLSource crls() {
        try {
            return new ExternalResourcesCRLSource(
                    new ByteArrayInputStream(rootCrl.getEncoded()),
                    new ByteArrayInputStream(intermediateCrl.getEncoded()));
        } catch (CRLException e) {
            throw new IllegalStateException("a CRL this PKI made cannot be encoded", e);
        }
    }

    /** Verification that trusts this PKI's root and reads its CRLs, fetching nothing: what most signing tests use. */
    public TrustValidator offlineTrust() {
        return new TrustValidator(TrustProperties.NONE, List.of(root), crls());
    }

    public TestPki() {
        this(null);
    }

    /** @param baseUrl written into every certificate below the root as its CRL and OCSP location; null: none */
    public TestPki(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            root = certificate(
                    "CN=Sello Test Root CA, O=Sello Test PKI, C=BO",
                    rootKeys.getPublic(),
                    null,
                    rootKeys,
                    CA_USAGE,
                    null,
                    now.minus(Duration.ofDays(800)),
                    now.plus(Duration.ofDays(3650)));
            intermediate = certificate(
                    "CN=Sello Test Issuing CA, O=Sello Test PKI, C=BO",
                    intermediateKeys.getPublic(),
                    root,
                    rootKeys,
                    CA_USAGE,
                    null,
                    now.minus(Duration.ofDays(790)),
                    now.plus(Duration.ofDays(1800)));
            valid = signer("Ana Quispe", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(335)));
            expired = signer("Luis Mamani", now.minus(Duration.ofDays(760)), now.minus(Duration.ofDays(395)));
            revoked = signer("Carlos Revocado", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(335)));
            revokedAt = now.minus(Duration.ofDays(2));
            KeyPair forgedKeys = keys();
            forged = new SigningKey(
                    forgedKeys.getPrivate(),
                    List.of(certificate(
                            "CN=Rosa Choque, O=Ministerio, C=BO",
                            forgedKeys.getPublic(),
                            null,
                            forgedKeys,
                            SIGNER_USAGE,
                            null,
                            now.minus(Duration.ofDays(1)),
                            now.plus(Duration.ofDays(365)))));
            KeyPair wrongKeys = keys();
            wrongKeyUsage = new SigningKey(
                    wrongKeys.getPrivate(),
                    List.of(
                            certificate(
                                    "CN=Marta Cifrado, O=Sello Test, C=BO",
                                    wrongKeys.getPublic(),
                                    intermediate,
                                    intermediateKeys,
                                    KeyUsage.keyEncipherment,
                                    null,
                                    now.minus(Duration.ofDays(30)),
                                    now.plus(Duration.ofDays(335))),
                            intermediate,
                            root));
            expiringSoon = signer("Jorge Vence", now.minus(Duration.ofDays(363)), now.plus(Duration.ofDays(2)));
            KeyPair tsaKeys = keys();
            tsa = new SigningKey(
                    tsaKeys.getPrivate(),
                    List.of(
                            certificate(
                                    "CN=Sello Test TSA, O=Sello Test PKI, C=BO",
                                    tsaKeys.getPublic(),
                                    intermediate,
                                    intermediateKeys,
                                    KeyUsage.digitalSignature,
                                    KeyPurposeId.id_kp_timeStamping,
                                    now.minus(Duration.ofDays(60)),
                                    now.plus(Duration.ofDays(1000))),
                            intermediate,
                            root));
            KeyPair untrustedKeys = keys();
            untrustedTsa = new SigningKey(
                    untrustedKeys.getPrivate(),
                    List.of(certificate(
                            "CN=Sello Test TSA, O=Sello Test PKI, C=BO",
                            untrustedKeys.getPublic(),
                            null,
                            untrustedKeys,
                            KeyUsage.digitalSignature,
                            KeyPurposeId.id_kp_timeStamping,
                            now.minus(Duration.ofDays(60)),
                            now.plus(Duration.ofDays(1000)))));
            rootCrl = crl(root, rootKeys, Map.of(), now.minus(Duration.ofHours(1)));
            intermediateCrl = crl(
                    intermediate,
                    intermediateKeys,
                    Map.of(revoked.certificate().getSerialNumber(), revokedAt),
                    now.minus(Duration.ofHours(1)));
        } catch (Exception e) {
            throw new IllegalStateException("test PKI", e);
        }
    }

    /** A new signer issued by the intermediate (a fresh RSA 3072 key), e.g. a second official. */
    public SigningKey signer(String name, Instant from, Instant to) {
        KeyPair pair = keys();
        X509Certificate certificate = certify("CN=" + name + ", O=Sello Test, C=BO", pair.getPublic(), from, to);
        return new SigningKey(pair.getPrivate(), List.of(certificate, intermediate, root));
    }

    /** A signing certificate from the intermediate for a key held elsewhere (a PKCS#11 token's public key). */
    public X509Certificate certify(String subject, PublicKey key, Instant from, Instant to) {
        try {
            return certificate(subject, key, intermediate, intermediateKeys, SIGNER_USAGE, null, from, to);
        } catch (Exception e) {
            throw new IllegalStateException("test PKI", e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, RANDOM);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate certificate(
            String subject,
            PublicKey subjectKey,
            X509Certificate issuer,
            KeyPair issuerKeys,
            int keyUsage,
            KeyPurposeId extendedUsage,
            Instant from,
            Instant to)
            throws Exception {
        X500Name subjectName = new X500Name(subject);
        X500Name issuerName = issuer == null
                ? subjectName
                : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        boolean ca = keyUsage == CA_USAGE;
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        var builder = new JcaX509v3CertificateBuilder(
                issuerName,
                BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(from),
                Date.from(to),
                subjectName,
                subjectKey);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        if (extendedUsage != null) {
            // RFC 3161 2.3: a TSA's certificate has exactly this one purpose, marked critical
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(extendedUsage));
        }
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
        builder.addExtension(
                Extension.authorityKeyIdentifier,
                false,
                issuer == null
                        ? extensions.createAuthorityKeyIdentifier(subjectKey)
                        : extensions.createAuthorityKeyIdentifier(issuer));
        if (baseUrl != null && issuer != null) {
            // where a validator finds this certificate's revocation status: the issuing CA's CRL and OCSP responder
            String crl = baseUrl + (issuer.equals(root) ? "/crl/root.crl" : "/crl/issuing.crl");
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(
                        new DistributionPointName(
                                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crl))),
                        null,
                        null)
            }));
            builder.addExtension(
                    Extension.authorityInfoAccess,
                    false,
                    new AuthorityInformationAccess(new AccessDescription(
                            AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, baseUrl + "/ocsp"))));
        }
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
        if (issuer != null) {
            issued.put(certificate.getSerialNumber(), certificate);
        }
        return certificate;
    }

    /** A CRL of {@code issuer} listing {@code revocations} (serial → revocation time), valid for 7 days from {@code thisUpdate}. */
    static X509CRL crl(
            X509Certificate issuer, KeyPair issuerKeys, Map<BigInteger, Instant> revocations, Instant thisUpdate)
            throws Exception {
        var builder = new X509v2CRLBuilder(
                X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(7))));
        // a CRL number that grows with time, as RFC 5280 5.2.3 wants from one issuer's successive CRLs
        builder.addExtension(
                Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(Math.max(1, thisUpdate.toEpochMilli()))));
        builder.addExtension(
                Extension.authorityKeyIdentifier,
                false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
        revocations.forEach((serial, when) -> builder.addCRLEntry(serial, Date.from(when), CRLReason.keyCompromise));
        return new JcaX509CRLConverter()
                .getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }
}
