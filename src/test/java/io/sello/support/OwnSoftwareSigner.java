package io.sello.support;

import io.sello.signing.SigningKey;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * "The official's own software" for the upload sign-off tests (issue 16 §1): Apache PDFBox and BouncyCastle, not
 * Sello's signer, sign the prepared file's empty field incrementally, as a desktop tool (Jacobitus, Adobe) does.
 *
 * @param key         the signer's key pair
 * @param certificate their certificate (self-signed by {@link #generate}; issued by a test PKI with {@link #of})
 * @param chain       the certificates carried beside it in the signature (issuing authorities), maybe none
 * @param tsaUrl      an RFC 3161 authority whose signature time-stamp the tool adds, as Jacobitus can; or null
 */
public record OwnSoftwareSigner(KeyPair key, X509Certificate certificate, List<X509Certificate> chain, String tsaUrl) {

    public OwnSoftwareSigner(KeyPair key, X509Certificate certificate) {
        this(key, certificate, List.of(), null);
    }

    /** A signer whose certificate a test PKI issued: the signing key's chain is carried in the signature. */
    public static OwnSoftwareSigner of(SigningKey key) {
        KeyPair pair = new KeyPair(key.certificate().getPublicKey(), key.privateKey());
        return new OwnSoftwareSigner(
                pair, key.certificate(), key.chain().subList(1, key.chain().size()), null);
    }

    /** The same signer, whose tool adds a signature time-stamp from this authority (RFC 3161 over HTTP). */
    public OwnSoftwareSigner withTimestampFrom(String url) {
        return new OwnSoftwareSigner(key, certificate, chain, url);
    }

    /** A new RSA 3072 key and a self-signed certificate for this common name, valid for a year from now. */
    public static OwnSoftwareSigner generate(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            KeyPair key = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName + ",O=Prueba,C=BO");
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(365, ChronoUnit.DAYS)),
                    name,
                    key.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
            return new OwnSoftwareSigner(key, certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the certificate as PEM, as an administrator registers it ({@code sello.signing.certificates.<user>}). */
    public Path writePem(Path file) {
        try {
            Files.createDirectories(file.getParent());
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the empty signature field {@code field} of {@code pdf} in one incremental revision. */
    public byte[] sign(byte[] pdf, String field) {
        return sign(pdf, field, document -> {});
    }

    /** The same, after {@code alsoChange} has done something else to the document in the same revision. */
    public byte[] sign(byte[] pdf, String field, Consumer<PDDocument> alsoChange) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            alsoChange.accept(document);
            PDSignatureField target = (PDSignatureField)
                    document.getDocumentCatalog().getAcroForm(null).getField(field);
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setReason(field);
            signature.setSignDate(Calendar.getInstance());
            // PDFBox signs the field whose value is this signature: the existing empty one, not a new field
            target.getCOSObject().setItem(COSName.V, signature);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(24_000);
            // PDFBox makes a signature without a visual template invisible (a zero rectangle); the desktop tools the
            // officials use keep the FIRMA cell where it is, and so must this one (a moved widget is refused)
            var widget = target.getWidgets().get(0);
            var cell = widget.getRectangle();
            document.addSignature(signature, content -> cms(content.readAllBytes()), options);
            widget.setRectangle(cell);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature-time-stamp unsigned attribute (RFC 3161 appendix A), over the signature value. */
    private CMSSignedData withSignatureTimestamp(CMSSignedData signed) throws Exception {
        SignerInformation signer =
                signed.getSignerInfos().getSigners().iterator().next();
        var request = new TimeStampRequestGenerator();
        request.setCertReq(true);
        var query = request.generate(
                TSPAlgorithms.SHA256, MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
        var answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(tsaUrl))
                                .header("Content-Type", "application/timestamp-query")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(query.getEncoded()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        var token = new TimeStampResponse(answer.body()).getTimeStampToken();
        var unsigned = new AttributeTable(new Attribute(
                PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(token.toCMSSignedData().toASN1Structure())));
        var stamped = SignerInformation.replaceUnsignedAttributes(signer, unsigned);
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    /** A detached CAdES signature with signing-certificate-v2, as PAdES baseline B asks. */
    private byte[] cms(byte[] content) throws IOException {
        try {
            ESSCertIDv2 id =
                    new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            // PAdES baseline B (ETSI EN 319 142-1, 5.1.1): the time is the dictionary's /M, never a
                            // signing-time
                            // attribute in the CMS; a tool that adds one makes a signature EU DSS reads as PDF-NOT-ETSI
                            .setSignedAttributeGenerator(parameters -> new DefaultSignedAttributeTableGenerator(
                                            new AttributeTable(attributes))
                                    .getAttributes(parameters)
                                    .remove(CMSAttributes.signingTime))
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()), certificate));
            List<X509Certificate> carried = new ArrayList<>(List.of(certificate));
            carried.addAll(chain);
            generator.addCertificates(new JcaCertStore(carried));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            return tsaUrl == null
                    ? signed.getEncoded()
                    : withSignatureTimestamp(signed).getEncoded();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
