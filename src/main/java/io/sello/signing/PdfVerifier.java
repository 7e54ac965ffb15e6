package io.sello.signing;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import io.sello.document.Hashes;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Verifies every signature of a PDF from its bytes: the byte ranges, the CMS signature over them,
 * the signing-certificate-v2 attribute, and whether anything but a signature was appended later
 * (an incremental update that changes a figure leaves the old signatures intact but no longer
 * covering the file, which is exactly what a reviewer must be told). Then EU DSS rates each signature's
 * trust ({@link TrustValidator}): chain, validity period, revocation. Intact is not valid: a self-signed
 * certificate in any name verifies mathematically, and only DSS's TOTAL_PASSED is reported as valid.
 *
 * <p>PAdES B-T, B-LT and B-LTA (issue 16) add revisions after a signature that are not sign-offs: document timestamps
 * (checked here like signatures, reported as {@link TimestampCheck}s) and revisions that only add the /DSS validation
 * data ({@link ValidationData}: compared object by object with the revision before, so a change slipped in with
 * them is still reported as one).
 */
public final class PdfVerifier {
    private static final Logger log = LoggerFactory.getLogger(PdfVerifier.class);
    private final PdfLimits limits;
    private final TrustValidator trust;

    /** Default limits, no trust anchors (nothing rates VALID): the CLI and tests. */
    public PdfVerifier() {
        this(PdfLimits.DEFAULTS);
    }

    public PdfVerifier(PdfLimits limits) {
        this(limits, NoAnchors.VALIDATOR);
    }

    public PdfVerifier(PdfLimits limits, TrustValidator trust) {
        this.limits = limits;
        this.trust = trust;
    }

    /** Loading DSS's validation policy takes a moment: one validator without anchors, made when first needed. */
    private static final class NoAnchors {
        static final TrustValidator VALIDATOR = new TrustValidator(TrustProperties.NONE);
    }

    /**
     * @throws PdfRefusedException when the file is over one of {@link PdfLimits}, or is not a readable PDF
     *                             (including a parse that overflows the stack or runs out of memory: the limits
     *                             stop the large allocations first, so what fails is this request, not the service)
     */
    public VerificationReport verify(byte[] pdf) {
        String sha256 = Hashes.sha256(pdf);
        PdfPrescan.check(pdf, limits);
        List<Integer> revisionEnds = revisionEnds(pdf);
        List<String> findings = new ArrayList<>();
        List<Signed> signed = new ArrayList<>();
        List<Stamped> stamped = new ArrayList<>();
        PdfReader reader;
        try {
            reader = new PdfReader(pdf);
            // Uploads are untrusted and signatures never need XFA: dropping it before AcroFields is built keeps
            // OpenPDF from inflating and XML-parsing it (a compressed bomb, entities) at all.
            PdfDictionary acroForm = reader.getCatalog().getAsDict(PdfName.ACROFORM);
            if (acroForm != null) {
                acroForm.remove(PdfName.XFA);
            }
            AcroFields fields = reader.getAcroFields();
            var names = fields.getSignatureTypes().keySet();
            if (names.size() > limits.maxSignatureFields()) {
                // fields inside compressed object streams, which the raw pre-scan does not see
                throw PdfRefusedException.overLimit(
                        "max-signature-fields", limits.maxSignatureFields(), "more signature fields");
            }
            for (String name : names) {
                if (Thread.currentThread().isInterrupted()) {
                    throw PdfRefusedException.unreadable("verification was stopped");
                }
                PdfDictionary dictionary = fields.getSignatureDictionary(name);
                if (dictionary != null && dictionary.get(PdfName.CONTENTS) != null) {
                    if (isDocumentTimestamp(dictionary)) {
                        stamped.add(Stamped.check(pdf, name, dictionary, revisionEnds));
                    } else {
                        signed.add(check(pdf, name, dictionary, revisionEnds));
                    }
                }
            }
            findings.addAll(ActiveContent.of(reader, limits));
        } catch (PdfRefusedException e) {
            throw e;
        } catch (StackOverflowError | OutOfMemoryError | IOException | RuntimeException e) {
            throw PdfRefusedException.whileParsing(e);
        }
        signed.sort(Comparator.comparingLong(Signed::end));
        stamped.sort(Comparator.comparingLong(Stamped::end));
        // DSS reads only what the pre-scan and OpenPDF have already accepted, and only when there is a signature
        TrustValidator.Ratings ratings = signed.isEmpty() && stamped.isEmpty()
                ? new TrustValidator.Ratings(Map.of(), Map.of())
                : trust.rateAll(pdf);
        List<TimestampCheck> timestamps = stamped.stream()
                .map(s -> s.rated(ratings.timestamps().get(s.byteRange())))
                .toList();
        List<SignatureCheck> checks = signed.stream()
                .map(s -> coveredByBrokenTimestamp(s.rated(ratings.signatures().get(s.byteRange())), s.end(), stamped))
                .toList();
        checks.stream()
                .filter(c -> !c.intact())
                .forEach(c -> findings.add("signature " + c.field() + " is not valid: " + c.problem()));
        timestamps.stream()
                .filter(t -> !t.intact())
                .forEach(t -> findings.add("document timestamp " + t.field() + " is not valid: " + t.problem()));

        boolean changed = false;
        if (!signed.isEmpty()) {
            long firstSigned = signed.get(0).end();
            List<Long> covered = new ArrayList<>();
            signed.forEach(s -> covered.add(s.end()));
            stamped.forEach(s -> covered.add(s.end()));
            long lastCovered = covered.stream().mapToLong(Long::longValue).max().orElse(0);
            Map<Integer, ValidationData.Revision> prefixes = new HashMap<>();
            Set<Integer> added = new HashSet<>();
            int compared = 0;
            for (int r = 0; r < revisionEnds.size(); r++) {
                long end = revisionEnds.get(r);
                if (end <= firstSigned || covered.stream().anyMatch(c -> sameRevision(pdf, c, end))) {
                    continue;
                }
                String change = ++compared > MAX_VALIDATION_REVISIONS
                        ? "more revisions than are compared"
                        : validationOnly(pdf, revisionEnds, r, prefixes, added);
                if (change == null) {
                    lastCovered = Math.max(lastCovered, end); // PAdES validation data (B-LT): no change to the document
                    continue;
                }
                changed = true;
                findings.add("revision " + (r + 1) + " was appended after a signature and is not a signature:"
                        + " the document was changed after it was signed (it changes " + change + ")");
            }
            if (!changed && !added.isEmpty()) {
                String used = usedByDocument(reader, added);
                if (used != null) {
                    changed = true;
                    findings.add(
                            "a revision appended after a signature as validation data changes the document: " + used);
                }
            }
            if (trimmedLength(pdf) > lastCovered && !changed) {
                changed = true;
                findings.add("bytes follow the last signature: the document was changed after it was signed");
            }
        }
        // last, after what changed in the file: an intact signature no trusted authority vouches for
        checks.stream()
                .filter(c -> c.intact() && !c.valid())
                .forEach(c -> findings.add("signature " + c.field() + " is "
                        + c.verdict().name().toLowerCase(Locale.ROOT) + ": " + c.reason()));
        return new VerificationReport(sha256, revisionEnds.size(), checks, timestamps, changed, findings);
    }

    /**
     * Validation revisions compared at most per file: each costs reading two prefixes' cross-reference tables; a
     * B-LTA sign-off adds one or two, and {@link PdfLimits#maxRevisions()} allows many more than any workflow needs.
     */
    private static final int MAX_VALIDATION_REVISIONS = 24;

    /** ETSI EN 319 142-1, 5.4: a document timestamp is a signature dictionary of /SubFilter /ETSI.RFC3161. */
    private static boolean isDocumentTimestamp(PdfDictionary dictionary) {
        return ETSI_RFC3161.equals(dictionary.getAsName(PdfName.SUBFILTER))
                || DOC_TIME_STAMP.equals(dictionary.getAsName(PdfName.TYPE));
    }

    private static final PdfName ETSI_RFC3161 = new PdfName("ETSI.RFC3161");
    private static final PdfName DOC_TIME_STAMP = new PdfName("DocTimeStamp");

    /** Whether revision r (0-based) only adds validation data to the one before: {@code null}, or what it changes. */
    private static String validationOnly(
            byte[] pdf,
            List<Integer> revisionEnds,
            int r,
            Map<Integer, ValidationData.Revision> prefixes,
            Set<Integer> added) {
        if (r == 0) {
            return "the whole file";
        }
        try {
            ValidationData.Revision before = prefix(pdf, revisionEnds.get(r - 1), prefixes);
            ValidationData.Revision after = prefix(pdf, revisionEnds.get(r), prefixes);
            return ValidationData.changes(before, after, added);
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // reported as a change, never as validation data: what cannot be compared is not shown to be harmless
            log.debug("revision {} could not be compared: {}", r + 1, e.toString());
            return "something that could not be compared with the revision before";
        }
    }

    private static ValidationData.Revision prefix(byte[] pdf, int end, Map<Integer, ValidationData.Revision> prefixes)
            throws IOException {
        ValidationData.Revision revision = prefixes.get(end);
        if (revision == null) {
            revision = new ValidationData.Revision(pdf, end);
            prefixes.put(end, revision);
        }
        return revision;
    }

    private static String usedByDocument(PdfReader reader, Set<Integer> added) {
        try {
            return ValidationData.usedByDocument(reader, added);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return "its objects could not be checked";
        }
    }

    /**
     * A signature whose timestamp after it is broken has no proof of when it existed, whatever DSS's rating; what
     * DSS rated VALID is lowered to INDETERMINATE (TrustValidator does the same from DSS's own view of the token).
     */
    private static SignatureCheck coveredByBrokenTimestamp(SignatureCheck check, long end, List<Stamped> stamped) {
        if (check.verdict() != Verdict.VALID || stamped.stream().noneMatch(t -> t.end() > end && !t.intact())) {
            return check;
        }
        return new SignatureCheck(
                check.field(),
                check.step(),
                check.signer(),
                check.certificate(),
                check.time(),
                check.revision(),
                check.intact(),
                check.problem(),
                Verdict.INDETERMINATE,
                TrustValidator.BROKEN_TIMESTAMP,
                check.subIndication(),
                check.level(),
                check.timestampTime(),
                false,
                check.chain(),
                check.signerCommonName());
    }

    /** What Sello's own checks found of a document timestamp, before DSS's rating of its authority is added. */
    private record Stamped(
            long end, String byteRange, String field, Instant time, int revision, String problem, String tsa) {
        boolean intact() {
            return problem == null;
        }

        TimestampCheck rated(TrustValidator.TimestampRating rating) {
            return new TimestampCheck(
                    field,
                    time,
                    revision,
                    intact(),
                    problem,
                    tsa,
                    intact() && rating != null && rating.intact() && rating.trusted());
        }

        static Stamped check(byte[] pdf, String field, PdfDictionary dictionary, List<Integer> revisionEnds) {
            long[] r = PdfVerifier.byteRange(dictionary);
            if (r == null) {
                return new Stamped(0, null, field, null, 0, "no byte range", null);
            }
            long end = r[2] + r[3];
            int revision = 1 + (int) revisionEnds.stream().filter(e -> e < end).count();
            String byteRange = r[0] + " " + r[1] + " " + r[2] + " " + r[3];
            if (r[0] != 0 || r[1] < 0 || r[2] < r[1] || r[3] < 0 || end > pdf.length) {
                return new Stamped(end, byteRange, field, null, revision, "the byte range is malformed", null);
            }
            if (!gapHoldsContents(pdf, r)) {
                return new Stamped(
                        end,
                        byteRange,
                        field,
                        null,
                        revision,
                        "the timestamped byte ranges leave out more than the token",
                        null);
            }
            TimeStampToken token;
            try {
                token = new TimeStampToken(
                        contentInfo(dictionary.getAsString(PdfName.CONTENTS).getOriginalBytes()));
            } catch (Exception e) {
                return new Stamped(end, byteRange, field, null, revision, "the timestamp token does not parse", null);
            }
            Instant time = token.getTimeStampInfo().getGenTime().toInstant();
            var certificates = token.getCertificates().getMatches(token.getSID());
            if (certificates.isEmpty()) {
                return new Stamped(
                        end,
                        byteRange,
                        field,
                        time,
                        revision,
                        "the timestamp token carries no authority certificate",
                        null);
            }
            X509CertificateHolder certificate =
                    (X509CertificateHolder) certificates.iterator().next();
            String tsa = commonName(certificate);
            try {
                MessageDigest digest = MessageDigest.getInstance(DigestAlgorithm.forOID(token.getTimeStampInfo()
                                .getHashAlgorithm()
                                .getAlgorithm()
                                .getId())
                        .getJavaName());
                digest.update(pdf, 0, (int) r[1]);
                digest.update(pdf, (int) r[2], (int) r[3]);
                if (!MessageDigest.isEqual(
                        digest.digest(), token.getTimeStampInfo().getMessageImprintDigest())) {
                    return new Stamped(
                            end, byteRange, field, time, revision, "the timestamped bytes were changed", tsa);
                }
            } catch (Exception e) {
                return new Stamped(
                        end,
                        byteRange,
                        field,
                        time,
                        revision,
                        "the timestamp's digest algorithm is not supported",
                        tsa);
            }
            try {
                // the CMS signature, the ESS signing-certificate attribute naming this certificate, its validity at
                // genTime and its time-stamping extended key usage (RFC 3161, 2.3)
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (Exception e) {
                log.debug("timestamp {} does not verify: {}", field, e.toString());
                return new Stamped(
                        end, byteRange, field, time, revision, "the timestamp token's signature does not verify", tsa);
            }
            return new Stamped(end, byteRange, field, time, revision, null, tsa);
        }
    }

    private static String commonName(X509CertificateHolder certificate) {
        var names = certificate.getSubject().getRDNs(BCStyle.CN);
        return names.length == 0
                ? null
                : IETFUtils.valueToString(names[0].getFirst().getValue());
    }

    /** The four numbers of /ByteRange, or {@code null} when it is missing or not four numbers. */
    private static long[] byteRange(PdfDictionary dictionary) {
        PdfArray range = dictionary.getAsArray(PdfName.BYTERANGE);
        if (range == null || range.size() != 4) {
            return null;
        }
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) {
            var number = range.getAsNumber(i);
            if (number == null) {
                return null;
            }
            r[i] = (long) number.doubleValue();
        }
        return r;
    }

    /** What Sello's own checks found, before DSS's rating is added. */
    private record Signed(
            long end,
            String byteRange,
            String field,
            String step,
            String signer,
            String certificate,
            Instant time,
            int revision,
            boolean intact,
            String problem) {
        Signed(
                long end,
                String field,
                String step,
                String signer,
                String certificate,
                Instant time,
                int revision,
                String problem) {
            this(end, null, field, step, signer, certificate, time, revision, false, problem);
        }

        SignatureCheck rated(TrustValidator.Rating rating) {
            if (!intact) {
                // Sello's own finding is the more precise one; whatever DSS says, a broken signature is not valid
                return new SignatureCheck(
                        field,
                        step,
                        signer,
                        certificate,
                        time,
                        revision,
                        false,
                        problem,
                        Verdict.INVALID,
                        brokenReason(problem),
                        rating == null ? null : rating.subIndication(),
                        rating == null ? null : rating.level(),
                        rating == null ? null : rating.timestamp(),
                        rating == null ? null : rating.timestampsTrusted(),
                        rating == null ? TrustValidator.Chain.UNKNOWN : rating.chain(),
                        rating == null ? null : rating.signerCommonName());
            }
            if (rating == null) {
                return new SignatureCheck(
                        field,
                        step,
                        signer,
                        certificate,
                        time,
                        revision,
                        true,
                        null,
                        Verdict.INDETERMINATE,
                        "el validador de referencia no pudo evaluar esta firma",
                        null,
                        null,
                        null,
                        null,
                        TrustValidator.Chain.UNKNOWN,
                        null);
            }
            return new SignatureCheck(
                    field,
                    step,
                    signer,
                    certificate,
                    time,
                    revision,
                    true,
                    null,
                    rating.verdict(),
                    rating.reason(),
                    rating.subIndication(),
                    rating.level(),
                    rating.timestamp(),
                    rating.timestampsTrusted(),
                    rating.chain(),
                    rating.signerCommonName());
        }
    }

    /** Sello's own findings, in the words of DSS's sub-indications where they mean the same. */
    private static String brokenReason(String problem) {
        if (problem == null) {
            return "la firma está dañada";
        }
        if (problem.startsWith("the signed byte ranges leave out")) {
            return "la firma no cubre todo el archivo firmado";
        }
        if (problem.startsWith("the signing-certificate-v2")) {
            return "la firma no identifica bien su certificado";
        }
        if (problem.startsWith("the signed bytes were changed")) {
            return "la firma no corresponde al contenido";
        }
        return "la firma está dañada";
    }

    private static Signed check(byte[] pdf, String field, PdfDictionary dictionary, List<Integer> revisionEnds) {
        String step = text(dictionary.getAsString(PdfName.REASON));
        String name = text(dictionary.getAsString(PdfName.NAME));
        Instant time = null;
        PdfString m = dictionary.getAsString(PdfName.M);
        if (m != null) {
            var calendar = PdfDate.decode(m.toString());
            time = calendar == null ? null : calendar.toInstant();
        }
        PdfArray range = dictionary.getAsArray(PdfName.BYTERANGE);
        long[] r = new long[4];
        if (range == null || range.size() != 4) {
            return new Signed(0, field, step, name, null, time, 0, "no byte range");
        }
        for (int i = 0; i < 4; i++) {
            r[i] = (long) range.getAsNumber(i).doubleValue();
        }
        long end = r[2] + r[3];
        int revision = 1 + (int) revisionEnds.stream().filter(e -> e < end).count();
        if (r[0] != 0 || r[1] < 0 || r[2] < r[1] || end > pdf.length) {
            return new Signed(end, field, step, name, null, time, revision, "the byte range is malformed");
        }
        byte[] contents = dictionary.getAsString(PdfName.CONTENTS).getOriginalBytes();
        if (!gapHoldsContents(pdf, r)) {
            return new Signed(
                    end,
                    field,
                    step,
                    name,
                    null,
                    time,
                    revision,
                    "the signed byte ranges leave out more than the signature");
        }
        ByteArrayOutputStream signedBytes = new ByteArrayOutputStream((int) (r[1] + r[3]));
        signedBytes.write(pdf, 0, (int) r[1]);
        signedBytes.write(pdf, (int) r[2], (int) r[3]);
        try {
            CMSSignedData cms =
                    new CMSSignedData(new CMSProcessableByteArray(signedBytes.toByteArray()), contentInfo(contents));
            SignerInformation signer =
                    cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder certificate = signerCertificate(cms, signer);
            String subject = certificate.getSubject().toString();
            String signerName = name != null ? name : subject;
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                return new Signed(
                        end, field, step, signerName, subject, time, revision, "the signed bytes were changed");
            }
            if (!signingCertificateMatches(signer, certificate)) {
                return new Signed(
                        end,
                        field,
                        step,
                        signerName,
                        subject,
                        time,
                        revision,
                        "the signing-certificate-v2 attribute does not name the signing certificate");
            }
            String byteRange = r[0] + " " + r[1] + " " + r[2] + " " + r[3];
            return new Signed(end, byteRange, field, step, signerName, subject, time, revision, true, null);
        } catch (Exception e) {
            log.debug("signature {} does not parse: {}", field, e.toString());
            return new Signed(
                    end,
                    field,
                    step,
                    name,
                    null,
                    time,
                    revision,
                    "the signed bytes were changed or the signature is damaged");
        }
    }

    /** The CMS of a signature's /Contents, which is zero-padded to its reserved size: the first DER object in it. */
    static ContentInfo contentInfo(byte[] contents) throws IOException {
        try (ASN1InputStream der = new ASN1InputStream(contents)) {
            return ContentInfo.getInstance(der.readObject());
        }
    }

    /** The certificate a CMS carries for its signer (matched by the signer's identifier). */
    static X509CertificateHolder signerCertificate(CMSSignedData cms, SignerInformation signer) {
        return (X509CertificateHolder)
                cms.getCertificates().getMatches(signer.getSID()).iterator().next();
    }

    private static boolean signingCertificateMatches(SignerInformation signer, X509CertificateHolder certificate)
            throws IOException, NoSuchAlgorithmException {
        var attribute = signer.getSignedAttributes() == null
                ? null
                : signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return false;
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        byte[] expected = SigningCertificateV2.getInstance(value).getCerts()[0].getCertHash();
        return Arrays.equals(expected, MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    /** Between the two ranges there must be exactly the hex string of /Contents, nothing else. */
    private static boolean gapHoldsContents(byte[] pdf, long[] r) {
        int from = (int) r[1];
        int to = (int) r[2];
        if (to - from < 2 || pdf[from] != '<' || pdf[to - 1] != '>') {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A signature covers a revision when its range ends at that revision's %%EOF, give or take the line end. */
    private static boolean sameRevision(byte[] pdf, long signedEnd, long revisionEnd) {
        long from = Math.min(signedEnd, revisionEnd);
        long to = Math.max(signedEnd, revisionEnd);
        if (to - from > 2) {
            return false;
        }
        for (long i = from; i < to; i++) {
            if (pdf[(int) i] != '\r' && pdf[(int) i] != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Where each revision ends: just after each {@code %%EOF} and its line end. */
    static List<Integer> revisionEnds(byte[] pdf) {
        List<Integer> ends = new ArrayList<>();
        byte[] marker = "%%EOF".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + marker.length <= pdf.length; i++) {
            if (pdf[i] == '%' && Arrays.equals(pdf, i, i + marker.length, marker, 0, marker.length)) {
                int end = i + marker.length;
                while (end < pdf.length && (pdf[end] == '\r' || pdf[end] == '\n')) {
                    end++;
                }
                ends.add(end);
                i = end - 1;
            }
        }
        return ends;
    }

    private static long trimmedLength(byte[] pdf) {
        int length = pdf.length;
        while (length > 0 && (pdf[length - 1] == '\r' || pdf[length - 1] == '\n' || pdf[length - 1] == ' ')) {
            length--;
        }
        return length;
    }

    private static String text(PdfString value) {
        return value == null ? null : value.toUnicodeString();
    }
}
