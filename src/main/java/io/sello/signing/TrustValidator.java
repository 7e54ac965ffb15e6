package io.sello.signing;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.KeyUsageBit;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.enumerations.TimestampType;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.x509.revocation.crl.CRL;
import eu.europa.esig.dss.model.x509.revocation.ocsp.OCSP;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.policy.EtsiValidationPolicy;
import eu.europa.esig.dss.policy.ValidationPolicy;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.policy.jaxb.ConstraintsParameters;
import eu.europa.esig.dss.policy.jaxb.Level;
import eu.europa.esig.dss.policy.jaxb.MultiValuesConstraint;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.validation.reports.Reports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Rates each signature of a PDF with EU DSS, the reference validator of ETSI EN 319 102-1, under its default
 * validation policy: chain to a configured trust anchor, validity period at the signing time, revocation, signature
 * level (issue 16, point 2). Sello's own {@link PdfVerifier} keeps what DSS does not say as plainly (anything
 * appended after a signature, byte-range gaps, active content) and its limits: DSS only ever reads a file
 * {@link PdfPrescan} has already let through.
 *
 * <p>Nothing here reaches the network unless {@link TrustProperties#revocationFetching()} is on: DSS's default
 * AIA source (which downloads issuer certificates from any URL a certificate names) is removed, and with fetching
 * on, CRLs and OCSP answers come only from the allow-listed hosts ({@link AllowListedCrlSource},
 * {@link AllowListedOcspSource}); DSS asks OCSP first and falls back to the CRL.
 *
 * <p>Public only for test code outside this package ({@code support.TestPki#offlineTrust}, the bench timings, and
 * {@code web.SignOffSummaryTest}: {@link Chain} is a component of the public {@link SignatureCheck}; ArchitectureTest's list).
 */
public final class TrustValidator {
    private static final Logger log = LoggerFactory.getLogger(TrustValidator.class);
    /** What {@link Keystores#generateDevelopment} writes into every development certificate's subject. */
    static final String DEVELOPMENT_MARK = "DEVELOPMENT ONLY - NOT FOR REAL SIGNATURES";

    static final String DEVELOPMENT_REASON = "certificado de desarrollo";
    static final String BROKEN_TIMESTAMP = "el sello de tiempo está dañado";
    static final String UNTRUSTED_TIMESTAMP = "el sello de tiempo no es de una autoridad de confianza";

    private final CommonCertificateVerifier verifier;
    private final ValidationPolicy policy;
    private final int roots;
    /** Whose "now" validation is made at: the service's clock, so a test can move past a certificate's expiry. */
    private Clock clock = Clock.systemUTC();

    public TrustValidator(TrustProperties properties) {
        this(properties, List.of(), null);
    }

    /**
     * @param extraRoots anchors besides the configured folder (tests build their PKI in memory)
     * @param crls       a revocation source besides the embedded data, or {@code null} (tests: a CRL of their PKI)
     */
    public TrustValidator(
            TrustProperties properties, Collection<X509Certificate> extraRoots, RevocationSource<CRL> crls) {
        this(properties, extraRoots, crls, null);
    }

    /**
     * @param extraRoots anchors besides the configured folder (tests build their PKI in memory)
     * @param crls       a CRL source besides the embedded data, or {@code null}: fetched from allow-listed hosts
     *                   when {@link TrustProperties#revocationFetching()} is on, else none
     * @param ocsp       the same for OCSP answers
     */
    public TrustValidator(
            TrustProperties properties,
            Collection<X509Certificate> extraRoots,
            RevocationSource<CRL> crls,
            RevocationSource<OCSP> ocsp) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (CertificateToken root : readRoots(properties.roots())) {
            trusted.addCertificate(root);
        }
        extraRoots.forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        this.roots = trusted.getNumberOfCertificates();
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        cv.setTrustedCertSources(trusted);
        cv.setAIASource(null); // never download issuer certificates from URLs inside an uploaded file
        cv.setOcspSource(
                ocsp != null
                        ? ocsp
                        : properties.revocationFetching()
                                ? new AllowListedOcspSource(properties.allowedHosts())
                                : null);
        cv.setCrlSource(
                crls != null
                        ? crls
                        : properties.revocationFetching() ? new AllowListedCrlSource(properties.allowedHosts()) : null);
        // validation reports problems in its reports; these alerts are for signing and augmentation
        cv.setAlertOnMissingRevocationData(new SilentOnStatusAlert());
        cv.setAlertOnInvalidSignature(new SilentOnStatusAlert());
        cv.setAlertOnInvalidTimestamp(new SilentOnStatusAlert());
        cv.setAlertOnRevokedCertificate(new SilentOnStatusAlert());
        cv.setAlertOnExpiredCertificate(new SilentOnStatusAlert());
        cv.setAlertOnNotYetValidCertificate(new SilentOnStatusAlert());
        cv.setAlertOnNoRevocationAfterBestSignatureTime(new SilentOnStatusAlert());
        cv.setAlertOnUncoveredPOE(new SilentOnStatusAlert());
        this.verifier = cv;
        try {
            this.policy = policy();
        } catch (Exception e) {
            throw new IllegalStateException("the DSS default validation policy cannot be loaded", e);
        }
    }

    /**
     * DSS's default policy, with one rule made strict: the signing certificate must be meant for signing (key usage
     * digitalSignature or nonRepudiation, RFC 5280 4.2.1.3). The default only warns, so a certificate issued for
     * encryption would be rated valid; an official's signature made with one is not one Sello vouches for.
     */
    private static ValidationPolicy policy() throws Exception {
        try (InputStream in = ValidationPolicyFacade.class.getResourceAsStream("/policy/constraint.xml")) {
            ConstraintsParameters constraints =
                    ValidationPolicyFacade.newFacade().unmarshall(in);
            MultiValuesConstraint keyUsage = constraints
                    .getSignatureConstraints()
                    .getBasicSignatureConstraints()
                    .getSigningCertificate()
                    .getKeyUsage();
            keyUsage.setLevel(Level.FAIL);
            keyUsage.getId().clear();
            keyUsage.getId().addAll(List.of("digitalSignature", "nonRepudiation"));
            return new EtsiValidationPolicy(constraints);
        }
    }

    /** Validates at {@code clock}'s time from now on (set once, when the service is configured). */
    public TrustValidator validatingAt(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** The anchors and revocation sources verification uses, for signing to collect the same data from. */
    CommonCertificateVerifier certificateSources() {
        return verifier;
    }

    /** How many trust anchors are configured (0: nothing can be rated valid). */
    public int trustAnchors() {
        return roots;
    }

    /** One signature as DSS rates it. */
    public record Rating(
            Verdict verdict,
            String indication,
            String subIndication,
            String reason,
            String level,
            Instant timestamp,
            Boolean timestampsTrusted,
            Chain chain,
            String signerCommonName) {
        public Rating {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(chain, "chain");
        }
    }

    /** Where the signer's certificate chain leads. */
    public enum Chain {
        /** reaches a configured trust anchor */
        TRUSTED("llega a una autoridad de confianza"),
        /** Sello's development certificate: self-signed, never an anchor unless a deployment makes it one */
        DEVELOPMENT("certificado de desarrollo, sin autoridad de confianza"),
        /** reaches no configured anchor (self-signed in any name, or an authority this deployment does not trust) */
        UNTRUSTED("no llega a una autoridad de confianza"),
        /** DSS found no signing certificate, or could not read the signature */
        UNKNOWN("no se pudo determinar");

        private final String text;

        Chain(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** A document timestamp as DSS rates it: its bytes, and whether its authority's chain reaches an anchor. */
    public record TimestampRating(boolean intact, boolean trusted, String tsaCommonName, Instant time) {}

    /** Every signature and every document timestamp DSS finds, each by its /ByteRange written as {@code "a b c d"}. */
    public record Ratings(Map<String, Rating> signatures, Map<String, TimestampRating> timestamps) {
        public Ratings {
            // looked up with null for a signature whose byte range Sello could not read: no Map.copyOf
            signatures = Collections.unmodifiableMap(new HashMap<>(signatures));
            timestamps = Collections.unmodifiableMap(new HashMap<>(timestamps));
        }
    }

    /**
     * Every signature DSS finds, by its /ByteRange written as {@code "a b c d"} (the one thing both readers agree
     * on without naming conventions for fields). Empty when DSS cannot read the file at all.
     */
    public Map<String, Rating> rate(byte[] pdf) {
        return rateAll(pdf).signatures();
    }

    /** {@link #rate} and the document timestamps (PAdES B-T by extension, B-LTA), from one DSS validation. */
    public Ratings rateAll(byte[] pdf) {
        Map<String, Rating> ratings = new HashMap<>();
        Map<String, TimestampRating> timestamps = new HashMap<>();
        // one parse per distinct revision for this validation, released when it ends (RevisionReaders)
        try (RevisionReaders readers = new RevisionReaders()) {
            Reports reports = validate(pdf, readers);
            SimpleReport simple = reports.getSimpleReport();
            DiagnosticData diagnostic = reports.getDiagnosticData();
            for (String id : simple.getSignatureIdList()) {
                SignatureWrapper signature = diagnostic.getSignatureById(id);
                if (signature == null || signature.getPDFRevision() == null) {
                    continue;
                }
                ratings.put(
                        key(signature.getPDFRevision().getSignatureByteRange()),
                        rating(
                                simple.getIndication(id),
                                simple.getSubIndication(id),
                                simple.getSignatureFormat(id),
                                simple.getBestSignatureTime(id),
                                signature));
            }
            for (TimestampWrapper timestamp : diagnostic.getTimestampList()) {
                if (timestamp.getType() == TimestampType.DOCUMENT_TIMESTAMP && timestamp.getPDFRevision() != null) {
                    CertificateWrapper tsa = timestamp.getSigningCertificate();
                    timestamps.put(
                            key(timestamp.getPDFRevision().getSignatureByteRange()),
                            new TimestampRating(
                                    intact(timestamp),
                                    trusted(timestamp),
                                    tsa == null ? null : tsa.getCommonName(),
                                    timestamp.getProductionTime() == null
                                            ? null
                                            : timestamp.getProductionTime().toInstant()));
                }
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Sello's own reader accepted the file within PdfLimits; if DSS's cannot rate it, each signature is
            // reported as INDETERMINATE ("no pudo evaluar"), never as valid, and the request still gets its report
            log.debug("DSS could not validate the file: {}", e.toString());
            ratings.clear();
            timestamps.clear();
        }
        return new Ratings(ratings, timestamps);
    }

    /** One DSS validation of the file, reading it through {@code readers} (the test compares it with DSS's own). */
    Reports validate(byte[] pdf, IPdfObjFactory readers) {
        PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf, "upload.pdf"));
        validator.setPdfObjFactory(readers);
        validator.setCertificateVerifier(verifier);
        validator.setLocale(Locale.ENGLISH);
        validator.setValidationTime(Date.from(clock.instant()));
        // Sello reads the simple and detailed reports; DSS's third, the ETSI TS 119 102-2 report, costs about 1 % of a
        // B-LTA form's validation and nothing reads it (issue 16, verification in under 50 ms)
        validator.setEnableEtsiValidationReport(false);
        return validator.validateDocument(policy);
    }

    private static String key(List<? extends Number> byteRange) {
        return byteRange.stream()
                .map(Object::toString)
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }

    /** The token's signature verifies and its message imprint is the digest of what it timestamps. */
    private static boolean intact(TimestampWrapper timestamp) {
        return timestamp.isSignatureIntact()
                && timestamp.isSignatureValid()
                && timestamp.isMessageImprintDataFound()
                && timestamp.isMessageImprintDataIntact();
    }

    private static boolean trusted(TimestampWrapper timestamp) {
        return timestamp.getSigningCertificate() != null
                && timestamp.getCertificateChain().stream().anyMatch(CertificateWrapper::isTrusted);
    }

    private static Rating rating(
            Indication indication,
            SubIndication sub,
            SignatureLevel format,
            Date bestSignatureTime,
            SignatureWrapper signature) {
        Verdict verdict = switch (indication == null ? Indication.INDETERMINATE : indication) {
            case TOTAL_PASSED, PASSED -> Verdict.VALID;
            case TOTAL_FAILED, FAILED -> Verdict.INVALID;
            default -> Verdict.INDETERMINATE;
        };
        CertificateWrapper certificate = signature.getSigningCertificate();
        boolean trusted = signature.getCertificateChain().stream().anyMatch(CertificateWrapper::isTrusted);
        boolean development = certificate != null
                && !trusted
                && certificate.getCertificateDN() != null
                && certificate.getCertificateDN().contains(DEVELOPMENT_MARK);
        Chain chain = certificate == null
                ? Chain.UNKNOWN
                : trusted ? Chain.TRUSTED : development ? Chain.DEVELOPMENT : Chain.UNTRUSTED;
        String reason = reason(verdict, sub);
        if (verdict != Verdict.VALID
                && certificate != null
                && certificate.getNotAfter() != null
                && bestSignatureTime != null
                && certificate.getNotAfter().before(bestSignatureTime)) {
            // DSS may word it as a chain failure (no revocation data can exist for an expired certificate), but the
            // plain fact is the more useful one: nothing proves the signature was made while the certificate held
            reason = "el certificado había vencido al firmar";
        } else if (verdict == Verdict.INDETERMINATE
                && trusted
                && sub == SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE
                && signature.getCertificateChain().stream()
                        .anyMatch(c -> !c.isTrusted() && !c.isRevocationDataAvailable())) {
            // DSS words a chain below a trusted root with no CRL/OCSP answer as a general chain failure; the plain
            // fact is that nothing says whether a certificate was revoked (none embedded, fetching off or not allowed)
            reason = "sin datos de revocación";
        } else if (verdict != Verdict.VALID && certificate != null && !signingKeyUsage(certificate)) {
            reason = "el certificado no está habilitado para firmar (uso de clave)";
        } else if (development && verdict == Verdict.INDETERMINATE) {
            reason = DEVELOPMENT_REASON; // the honest word for it: not a forgery, not a real signer either
        }
        // Signature, document and archive timestamps alike: a B-T made by extending a B-B signature (DSS
        // extendDocument) has no signature timestamp, only a document timestamp over it; each proves the signature
        // existed at its time (ETSI EN 319 102-1, 5.6.2.3: the earliest proof of existence counts)
        List<TimestampWrapper> timestamps = signature.getTimestampList();
        Instant timestamp = timestamps.stream()
                .filter(TrustValidator::intact)
                .map(TimestampWrapper::getProductionTime)
                .filter(Objects::nonNull)
                .map(Date::toInstant)
                .min(Instant::compareTo)
                .orElse(null);
        if (verdict == Verdict.VALID && timestamps.stream().anyMatch(t -> !intact(t))) {
            // DSS may leave a broken timestamp out of its proof and still pass the signature; a reader is told
            verdict = Verdict.INDETERMINATE;
            reason = BROKEN_TIMESTAMP;
        } else if (verdict == Verdict.VALID && timestamps.stream().anyMatch(t -> !trusted(t))) {
            // a timestamp anyone could have made proves no time; DSS ignores it as proof, Sello will not call it valid
            verdict = Verdict.INDETERMINATE;
            reason = UNTRUSTED_TIMESTAMP;
        }
        Boolean timestampsTrusted =
                timestamps.isEmpty() ? null : timestamps.stream().allMatch(t -> intact(t) && trusted(t));
        return new Rating(
                verdict,
                indication == null ? null : indication.name(),
                sub == null ? null : sub.name(),
                reason,
                level(format),
                timestamp,
                timestampsTrusted,
                chain,
                certificate == null ? null : certificate.getCommonName());
    }

    /** RFC 5280 4.2.1.3: a certificate for signing has digitalSignature or nonRepudiation (a missing extension allows all). */
    private static boolean signingKeyUsage(CertificateWrapper certificate) {
        var usages = certificate.getKeyUsages();
        return usages == null
                || usages.isEmpty()
                || usages.contains(KeyUsageBit.DIGITAL_SIGNATURE)
                || usages.contains(KeyUsageBit.NON_REPUDIATION);
    }

    /** PAdES-BASELINE-LTA → "B-LTA", as the issue and the page write levels; other formats as DSS names them. */
    static String level(SignatureLevel format) {
        if (format == null) {
            return null;
        }
        String name = format.name();
        if (name.startsWith("PAdES_BASELINE_")) {
            return "B-" + name.substring("PAdES_BASELINE_".length());
        }
        return name.replace('_', '-');
    }

    /** DSS's sub-indication in plain Spanish (ETSI EN 319 102-1, table 5). */
    static String reason(Verdict verdict, SubIndication sub) {
        if (sub == null) {
            return verdict == Verdict.VALID
                    ? "firma intacta; el certificado llega a una autoridad de confianza y estaba vigente al firmar"
                    : "el validador no dio un motivo";
        }
        return switch (sub) {
            case NO_CERTIFICATE_CHAIN_FOUND -> "la cadena de certificados no llega a una autoridad de confianza";
            case OUT_OF_BOUNDS_NO_POE, OUT_OF_BOUNDS_NOT_REVOKED, EXPIRED -> "el certificado había vencido al firmar";
            case NOT_YET_VALID -> "el certificado aún no estaba vigente al firmar";
            case REVOKED_NO_POE, REVOKED -> "certificado revocado";
            case REVOKED_CA_NO_POE -> "el certificado de la autoridad emisora está revocado";
            case HASH_FAILURE, SIG_CRYPTO_FAILURE -> "la firma no corresponde al contenido";
            case TRY_LATER, REVOCATION_OUT_OF_BOUNDS_NO_POE -> "sin datos de revocación";
            case FORMAT_FAILURE -> "la firma no tiene un formato reconocido";
            case NO_SIGNING_CERTIFICATE_FOUND -> "no se encontró el certificado del firmante";
            case CRYPTO_CONSTRAINTS_FAILURE, CRYPTO_CONSTRAINTS_FAILURE_NO_POE ->
                "usa algoritmos o claves que ya no se consideran seguros";
            case CHAIN_CONSTRAINTS_FAILURE, CERTIFICATE_CHAIN_GENERAL_FAILURE ->
                "la cadena de certificados no cumple las reglas de validación";
            case SIG_CONSTRAINTS_FAILURE -> "la firma no cumple las reglas de validación";
            case TIMESTAMP_ORDER_FAILURE -> "los sellos de tiempo no están en orden";
            case NO_POE -> "no hay prueba de cuándo se firmó";
            case SIGNED_DATA_NOT_FOUND -> "no se encontró lo firmado";
            case POLICY_PROCESSING_ERROR, SIGNATURE_POLICY_NOT_AVAILABLE -> "la política de firma no se pudo procesar";
        };
    }

    private static List<CertificateToken> readRoots(Path folder) {
        List<CertificateToken> roots = new ArrayList<>();
        if (folder == null) {
            return roots;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{pem,crt,cer}")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (var certificate :
                            CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        roots.add(new CertificateToken((X509Certificate) certificate));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(
                            "sello.signing.trust.roots: " + file.getFileName() + " is not a PEM certificate", e);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("sello.signing.trust.roots cannot be read", e);
        }
        return roots;
    }
}
