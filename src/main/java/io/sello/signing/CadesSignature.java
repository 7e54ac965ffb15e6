package io.sello.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A detached CMS signature with the PAdES baseline B-B attributes (ETSI EN 319 142-1, 5.1.1 and
 * 6.3): content-type, message-digest and signing-certificate-v2 signed; no signing-time attribute,
 * because PAdES carries the time in the signature dictionary's /M entry instead.
 *
 * <p>From B-T up (issue 16 §3) the CMS also carries an RFC 3161 signature time-stamp over the signature value as the
 * unsigned attribute id-aa-signatureTimeStampToken (RFC 3161 annex A, ETSI EN 319 122-1 5.3; EN 319 142-1 6.3 (e)):
 * the signature is B-T as made, so taking it to B-LT/B-LTA appends two revisions (/DSS and the archive time-stamp)
 * instead of three, and a verifier reads one document time-stamp per sign-off instead of two.
 */
final class CadesSignature {
    private CadesSignature() {}

    static byte[] sign(byte[] signedBytes, SigningKey key) {
        return sign(signedBytes, key, null);
    }

    /**
     * @param timestamps the time-stamp authority for the signature time-stamp, or {@code null} for a B-B signature
     * @throws SigningUnavailableException when the token or the time-stamp authority does not answer (503: the
     *                                     sign-off is not made, never made at a lower level)
     */
    static byte[] sign(byte[] signedBytes, SigningKey key, TSPSource timestamps) {
        CMSSignedData signed = signature(signedBytes, key);
        try {
            return (timestamps == null ? signed : withSignatureTimestamp(signed, timestamps)).getEncoded();
        } catch (IOException e) {
            throw new SigningException("the signature could not be encoded", e);
        }
    }

    /**
     * The signature time-stamp: the authority time-stamps the SHA-256 digest of the signature value (RFC 3161 annex
     * A), and the token goes into the signer's unsigned attributes, which the signature itself does not cover.
     */
    private static CMSSignedData withSignatureTimestamp(CMSSignedData signed, TSPSource timestamps) {
        SignerInformation signer =
                signed.getSignerInfos().getSigners().iterator().next();
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(signer.getSignature());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        // TimestampAuthority checks the answer (status, nonce, imprint, the token's signature) and throws
        // SigningUnavailableException when the authority cannot be reached or answers wrong: that propagates as is
        byte[] token =
                timestamps.getTimeStampResponse(DigestAlgorithm.SHA256, digest).getBytes();
        try {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(ASN1Primitive.fromByteArray(token))));
            SignerInformation stamped =
                    SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attributes));
            return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
        } catch (IOException e) {
            throw new SigningException("the time-stamp authority's token is not DER", e);
        }
    }

    private static CMSSignedData signature(byte[] signedBytes, SigningKey key) {
        try {
            byte[] certificateHash = MessageDigest.getInstance("SHA-256")
                    .digest(key.certificate().getEncoded());
            ESSCertIDv2 certId =
                    new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certificateHash);
            ASN1EncodableVector extra = new ASN1EncodableVector();
            extra.add(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
            DefaultSignedAttributeTableGenerator defaults =
                    new DefaultSignedAttributeTableGenerator(new AttributeTable(extra));
            CMSAttributeTableGenerator withoutSigningTime =
                    parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
            String algorithm = key.privateKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            JcaContentSignerBuilder builder = new JcaContentSignerBuilder(algorithm);
            if (key.provider() != null) {
                // a token's key is only a handle: the token's own provider signs with it, on the token
                builder.setProvider(key.provider());
            }
            ContentSigner signer = builder.build(key.privateKey());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(withoutSigningTime)
                            .build(signer, key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(signedBytes), false);
        } catch (Exception e) {
            if (key.provider() != null) {
                // a token that was pulled out, locked or stopped answering: the signer can fix it and try again
                throw new SigningUnavailableException(
                        "the signer's token did not compute the signature (removed, locked or"
                                + " not answering); the sign-off was not made, try again later",
                        30,
                        e);
            }
            throw new SigningException("the signature could not be computed", e);
        }
    }
}
