package io.sello.support;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.openpdf.ITextDefaultPdfObjFactory;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An RFC 3161 timestamping authority in the test JVM (issue 16: PAdES B-T/B-LT/B-LTA), its certificate issued by a
 * {@link TestPki}'s root or, for the untrusted case, by itself; and EU DSS's {@code extendDocument} driven with it, as
 * the signing side extends a sign-off. Nothing touches the network.
 */
public final class TestTsa {
    private static final AtomicLong SERIALS = new AtomicLong(1);
    public final X509Certificate certificate;
    private final TimeStampTokenGenerator generator;

    /** A TSA whose certificate the PKI's root issues ("CN=Sello Test TSA"). */
    public static TestTsa issuedBy(TestPki pki) {
        return new TestTsa("CN=Sello Test TSA, O=Sello Test PKI, C=BO", pki.root, pki.rootKeys.getPrivate());
    }

    /** A TSA under no anchor: its certificate is self-signed ("CN=Rogue TSA"). */
    public static TestTsa selfSigned() {
        return new TestTsa("CN=Rogue TSA, O=Nobody, C=BO", null, null);
    }

    private TestTsa(String subject, X509Certificate issuer, PrivateKey issuerKey) {
        try {
            KeyPairGenerator keys = KeyPairGenerator.getInstance("RSA");
            keys.initialize(2048);
            KeyPair pair = keys.generateKeyPair();
            X500Name subjectName = new X500Name(subject);
            X500Name issuerName = issuer == null
                    ? subjectName
                    : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            var builder = new JcaX509v3CertificateBuilder(
                    issuerName,
                    BigInteger.valueOf(7000 + SERIALS.incrementAndGet()),
                    Date.from(Instant.now().minus(Duration.ofDays(10))),
                    Date.from(Instant.now().plus(Duration.ofDays(3000))),
                    subjectName,
                    pair.getPublic());
            builder.addExtension(
                    Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    issuer == null
                            ? extensions.createAuthorityKeyIdentifier(pair.getPublic())
                            : extensions.createAuthorityKeyIdentifier(issuer));
            certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                            .build(issuerKey == null ? pair.getPrivate() : issuerKey)));
            generator = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", pair.getPrivate(), certificate),
                    new JcaDigestCalculatorProviderBuilder()
                            .build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier("1.2.3.4"));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
        } catch (Exception e) {
            throw new IllegalStateException("test TSA", e);
        }
    }

    /** Answers DSS's requests: the imprint in the algorithm DSS asks for, the certificate included. */
    public TSPSource source() {
        return (algorithm, digest) -> {
            try {
                TimeStampRequestGenerator request = new TimeStampRequestGenerator();
                request.setCertReq(true);
                return new TimestampBinary(generator
                        .generate(
                                request.generate(new ASN1ObjectIdentifier(algorithm.getOid()), digest),
                                BigInteger.valueOf(SERIALS.incrementAndGet()),
                                new Date())
                        .getEncoded());
            } catch (Exception e) {
                throw new IllegalStateException("test TSA", e);
            }
        };
    }

    /** The file extended by EU DSS (OpenPDF variant) to {@code level}: the revisions it appends after the signatures. */
    public byte[] extend(byte[] pdf, SignatureLevel level, TestPki pki) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(pki.root));
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setCrlSource(pki.crls());
        verifier.setAlertOnMissingRevocationData(new SilentOnStatusAlert());
        // a later sign-off is extended while an earlier one already is B-LTA: DSS raises this alert unless told not to
        verifier.setAugmentationAlertOnHigherSignatureLevel(new SilentOnStatusAlert());
        PAdESService service = new PAdESService(verifier);
        service.setPdfObjFactory(new ITextDefaultPdfObjFactory());
        service.setTspSource(source());
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        try {
            return service.extendDocument(new InMemoryDocument(pdf), parameters)
                    .openStream()
                    .readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
