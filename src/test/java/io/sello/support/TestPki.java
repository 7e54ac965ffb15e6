package io.sello.support;

import io.sello.signing.SigningKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An offline PKI made in the test JVM with BouncyCastle (issue 16, point 4): a root CA, an intermediate CA, signers
 * issued by it (in force, expired, revoked), each CA's CRL, and a self-signed certificate in anyone's name. Keys are
 * RSA 3072 like every new key of the service; nothing touches the network.
 */
public final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIALS = new AtomicLong(1000);

    public final Instant now = Instant.now();
    public final KeyPair rootKeys = keys();
    public final X509Certificate root;
    public final KeyPair intermediateKeys = keys();
    public final X509Certificate intermediate;
    public final SigningKey valid;
    public final SigningKey expired;
    public final SigningKey revoked;
    public final SigningKey forged;
    /** The root's CRL (the intermediate in good standing) and the intermediate's (listing {@link #revoked}). */
    public final X509CRL rootCrl;
    public final X509CRL intermediateCrl;

    public TestPki() {
        try {
            root = certificate("CN=Sello Test Root CA, O=Sello Test PKI, C=BO", rootKeys, null, null, true,
                    now.minus(Duration.ofDays(800)), now.plus(Duration.ofDays(3650)));
            intermediate = certificate("CN=Sello Test Issuing CA, O=Sello Test PKI, C=BO", intermediateKeys, root,
                    rootKeys, true, now.minus(Duration.ofDays(790)), now.plus(Duration.ofDays(1800)));
            valid = signer("Ana Quispe", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(335)));
            expired = signer("Luis Mamani", now.minus(Duration.ofDays(760)), now.minus(Duration.ofDays(395)));
            revoked = signer("Carlos Revocado", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(335)));
            KeyPair forgedKeys = keys();
            forged = new SigningKey(forgedKeys.getPrivate(), List.of(certificate("CN=Rosa Choque, O=Ministerio, C=BO",
                    forgedKeys, null, null, false, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)))));
            rootCrl = crl(root, rootKeys, null);
            intermediateCrl = crl(intermediate, intermediateKeys, revoked.certificate());
        } catch (Exception e) {
            throw new IllegalStateException("test PKI", e);
        }
    }

    private SigningKey signer(String name, Instant from, Instant to) throws Exception {
        KeyPair pair = keys();
        X509Certificate certificate = certificate("CN=" + name + ", O=Sello Test, C=BO", pair, intermediate,
                intermediateKeys, false, from, to);
        return new SigningKey(pair.getPrivate(), List.of(certificate, intermediate, root));
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

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, X509Certificate issuer, KeyPair issuerKeys,
                                               boolean ca, Instant from, Instant to) throws Exception {
        X500Name subjectName = new X500Name(subject);
        X500Name issuerName = issuer == null ? subjectName : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        KeyPair signing = issuerKeys == null ? subjectKeys : issuerKeys;
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        var builder = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(from), Date.from(to), subjectName, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, issuer == null
                ? extensions.createAuthorityKeyIdentifier(subjectKeys.getPublic()) : extensions.createAuthorityKeyIdentifier(issuer));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signing.getPrivate())));
    }

    private X509CRL crl(X509Certificate issuer, KeyPair issuerKeys, X509Certificate revokedCertificate) throws Exception {
        var builder = new X509v2CRLBuilder(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
                Date.from(now.minus(Duration.ofHours(1))));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        builder.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.ONE));
        builder.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
        if (revokedCertificate != null) {
            builder.addCRLEntry(revokedCertificate.getSerialNumber(), Date.from(now.minus(Duration.ofDays(2))), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }
}
