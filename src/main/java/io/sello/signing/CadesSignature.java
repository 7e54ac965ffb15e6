package io.sello.signing;

import org.bouncycastle.asn1.ASN1EncodableVector;
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
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.security.MessageDigest;

/**
 * A detached CMS signature with the PAdES baseline B-B attributes (ETSI EN 319 142-1, 5.1.1 and
 * 6.3): content-type, message-digest and signing-certificate-v2 signed; no signing-time attribute,
 * because PAdES carries the time in the signature dictionary's /M entry instead.
 */
final class CadesSignature {
    private CadesSignature() {
    }

    static byte[] sign(byte[] signedBytes, SigningKey key) {
        try {
            byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
            ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certificateHash);
            ASN1EncodableVector extra = new ASN1EncodableVector();
            extra.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[]{certId}))));
            DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(new AttributeTable(extra));
            CMSAttributeTableGenerator withoutSigningTime = parameters ->
                    defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
            String algorithm = key.privateKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            JcaContentSignerBuilder builder = new JcaContentSignerBuilder(algorithm);
            if (key.provider() != null) {
                // a token's key is only a handle: the token's own provider signs with it, on the token
                builder.setProvider(key.provider());
            }
            ContentSigner signer = builder.build(key.privateKey());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(withoutSigningTime)
                    .build(signer, key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(signedBytes), false).getEncoded();
        } catch (Exception e) {
            if (key.provider() != null) {
                // a token that was pulled out, locked or stopped answering: the signer can fix it and try again
                throw new SigningUnavailableException("the signer's token did not compute the signature (removed, locked or"
                        + " not answering); the sign-off was not made, try again later", 30, e);
            }
            throw new SigningException("the signature could not be computed", e);
        }
    }
}
