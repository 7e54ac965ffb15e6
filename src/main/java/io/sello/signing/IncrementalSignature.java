package io.sello.signing;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A sign-off made with the official's own software (issue 16 §1): the file they send back must be the registry's
 * current file, byte for byte, plus exactly one incremental revision that signs the step's empty field, covers the
 * whole file and changes nothing else. Only then is it the same document with one more signature; anything else
 * (a changed figure, an overlay added to a page, a second revision, another step's field) is refused by name.
 * The signature itself is checked by {@link PdfVerifier}; this class checks what the revision is allowed to touch.
 */
public final class IncrementalSignature {
    /** Keys a signing tool sets on the signed field's widget: its value (the signature) and its appearance. */
    private static final Set<PdfName> FIELD_KEYS = Set.of(PdfName.V, PdfName.AP);
    /** Keys a signing tool may set on the form: signatures present, and the default resources of appearances. */
    private static final Set<PdfName> FORM_KEYS = Set.of(PdfName.SIGFLAGS, PdfName.DR, PdfName.DA);
    /** Keys a signing tool may add to the catalogue: validation data (PAdES DSS) and version marks. */
    private static final Set<PdfName> CATALOG_KEYS =
            Set.of(new PdfName("DSS"), PdfName.EXTENSIONS, PdfName.VERSION, PdfName.PERMS);

    private IncrementalSignature() {}

    /**
     * @param current the registry's current file for the document
     * @param upload  what the official sent back
     * @param field   the signature field of the step being signed (its name is the step's)
     * @return the new signature as verified and the certificate it was made with, for the caller to match against its owner
     * @throws SignatureUploadRefused naming the first rule the upload breaks
     * @throws PdfRefusedException    when the upload is over a PDF limit or does not parse
     */
    public static Accepted check(byte[] current, byte[] upload, String field, PdfVerifier verifier) {
        if (upload.length <= current.length || !Arrays.equals(upload, 0, current.length, current, 0, current.length)) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.NOT_THIS_DOCUMENT,
                    "the file does not start with the registry's current file: its earlier revisions differ, or it is another document");
        }
        byte[] tail = Arrays.copyOfRange(upload, current.length, upload.length);
        int revisions = PdfVerifier.revisionEnds(tail).size();
        if (revisions != 1) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.REVISIONS,
                    "expected exactly one incremental revision" + " after the registry's file, found " + revisions
                            + ": sign the prepared file once, without other changes");
        }
        VerificationReport report = verifier.verify(upload);
        List<SignatureCheck> added = report.signatures().stream()
                .filter(s -> s.revision() == report.revisions())
                .toList();
        if (added.isEmpty()) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.NO_SIGNATURE, "the new revision adds no signature");
        }
        SignatureCheck signature = added.get(0);
        if (!signature.field().equals(field)) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.WRONG_FIELD,
                    "the new signature is in the field " + signature.field() + ", not in " + field + "'s");
        }
        // intact, not valid: a certificate registered for the person is pinned, so an untrusted chain (INDETERMINATE)
        // is accepted here; what EU DSS rates INVALID (revoked, broken) never is
        if (!signature.intact()) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.SIGNATURE_INVALID,
                    "the new signature does not verify: " + signature.problem());
        }
        if (Boolean.FALSE.equals(signature.timestampTrusted())) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.UNTRUSTED_TIMESTAMP,
                    "the new signature carries a"
                            + " time-stamp that is broken or comes from an authority that is not trusted");
        }
        String sub = signature.subIndication() == null ? "" : signature.subIndication();
        if (sub.startsWith("REVOKED")) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.CERTIFICATE_REVOKED,
                    "the certificate of the new signature is revoked (EU DSS: " + sub + ")");
        }
        if (sub.startsWith("OUT_OF_BOUNDS") || sub.equals("EXPIRED") || sub.equals("NOT_YET_VALID")) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.CERTIFICATE_EXPIRED,
                    "the certificate of the new signature was not in force when it signed (EU DSS: " + sub + ")");
        }
        if (signature.verdict() == Verdict.INVALID) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.SIGNATURE_INVALID,
                    "the new signature is rated INVALID by EU DSS (" + signature.subIndication() + ")");
        }
        if (report.changedAfterLastSignature()) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.NOT_COVERING,
                    "the new signature does not cover the whole file: bytes follow it");
        }
        report.signatures().stream().filter(s -> !s.intact()).findFirst().ifPresent(s -> {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.SIGNATURE_INVALID,
                    "the signature " + s.field() + " no longer verifies: " + s.problem());
        });
        try {
            PdfReader before = new PdfReader(current);
            PdfReader after = new PdfReader(upload);
            onlyTheSignatureChanged(before, after, field);
            return new Accepted(certificate(after, field), signature);
        } catch (IOException e) {
            throw PdfRefusedException.unreadable("it does not parse");
        }
    }

    /** An upload whose revision only signs the step's field: its signature, and the certificate it was made with. */
    public record Accepted(X509Certificate certificate, SignatureCheck signature) {
        public Accepted {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(signature, "signature");
        }
    }

    /** Every object of the registry's file is unchanged in the upload, but for what signing the field needs. */
    private static void onlyTheSignatureChanged(PdfReader before, PdfReader after, String field) {
        Map<Integer, Set<PdfName>> mayChange = new HashMap<>();
        PdfIndirectReference root = (PdfIndirectReference) before.getTrailer().get(PdfName.ROOT);
        mayChange.put(root.getNumber(), CATALOG_KEYS);
        PdfObject form = before.getCatalog().get(PdfName.ACROFORM);
        if (form instanceof PdfIndirectReference reference) {
            mayChange.put(reference.getNumber(), FORM_KEYS);
        }
        AcroFields.Item item = before.getAcroFields().getFieldItem(field);
        if (item == null) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.WRONG_FIELD, "the registry's file has no field " + field);
        }
        // Document information (a tool's ModDate and Producer) and XMP metadata are not the document's content; the
        // signed field's own appearance is redrawn by signing tools (the signature's image in its FIRMA cell).
        Set<Integer> metadata = new HashSet<>();
        for (int w = 0; w < item.size(); w++) {
            mayChange.put(item.getWidgetRef(w).getNumber(), FIELD_KEYS);
            PdfDictionary appearance = item.getWidget(w).getAsDict(PdfName.AP);
            if (appearance != null) {
                for (PdfName state : appearance.getKeys()) {
                    if (appearance.get(state) instanceof PdfIndirectReference drawn) {
                        metadata.add(drawn.getNumber());
                    }
                }
            }
        }
        if (before.getTrailer().get(PdfName.INFO) instanceof PdfIndirectReference info) {
            metadata.add(info.getNumber());
        }
        if (before.getCatalog().get(PdfName.METADATA) instanceof PdfIndirectReference xmp) {
            metadata.add(xmp.getNumber());
        }
        for (int number = 1; number < before.getXrefSize(); number++) {
            PdfObject was = before.getPdfObjectRelease(number);
            if (was == null || metadata.contains(number)) {
                continue;
            }
            PdfObject is = after.getPdfObjectRelease(number);
            Set<PdfName> keys = mayChange.getOrDefault(number, Set.of());
            boolean unchanged = number == root.getNumber()
                    ? PdfObjects.sameExcept(was, is, keys, Map.of(PdfName.ACROFORM, FORM_KEYS))
                    : PdfObjects.sameExcept(was, is, keys, Map.of());
            if (!unchanged) {
                String what = PdfObjects.differingKeys(was, is, keys);
                throw new SignatureUploadRefused(
                        SignatureUploadRefused.Fault.OTHER_CHANGES,
                        "the new revision also changes "
                                + PdfObjects.describe(was) + " (object " + number + "; changed: "
                                + (what.isEmpty() ? "its value" : what)
                                + "): only the signature of " + field + " may be added");
            }
        }
    }

    private static X509Certificate certificate(PdfReader reader, String field) throws IOException {
        PdfDictionary dictionary = reader.getAcroFields().getSignatureDictionary(field);
        PdfString contents = dictionary == null ? null : dictionary.getAsString(PdfName.CONTENTS);
        if (contents == null) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.NO_SIGNATURE, "the field " + field + " holds no signature");
        }
        try {
            CMSSignedData cms = new CMSSignedData(PdfVerifier.contentInfo(contents.getOriginalBytes()));
            SignerInformation signer =
                    cms.getSignerInfos().getSigners().iterator().next();
            return new JcaX509CertificateConverter().getCertificate(PdfVerifier.signerCertificate(cms, signer));
        } catch (Exception e) {
            throw new SignatureUploadRefused(
                    SignatureUploadRefused.Fault.SIGNATURE_INVALID,
                    "the new signature carries no readable certificate");
        }
    }
}
