package io.sello.signing;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.openpdf.ITextDefaultPdfObjFactory;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Takes a freshly signed PDF from B-B to the deployment's level (issue 16 §3) with EU DSS's PAdES service: a
 * document time-stamp (B-T; not needed for a CMS Sello made itself, which already carries its signature time-stamp,
 * see {@link #signatureTimestamps}), the DSS dictionary with every certificate and CRL/OCSP answer its validation needs
 * (B-LT), and a document time-stamp over all of it (B-LTA), each an incremental revision, so every earlier signature
 * stays as it was. Sello keeps its own signing (the visible FIRMA cell, Sello's fields); what DSS does better than
 * hand-written code, collecting validation data and time-stamping, it does here.
 *
 * <p>Revocation data comes from the same sources verification uses ({@link TrustValidator}): embedded, or fetched
 * from the allow-listed hosts only. Missing data is an error, not a lower level: DSS's alert on missing revocation
 * data stays an exception, and so does a failing time-stamp authority ({@link SigningUnavailableException}, 503).
 *
 * <p>At B-LT and B-LTA the deployment also chooses when the long-term layer is added ({@link LongTermData}): by default
 * once, by the sign-off that completes the document, for every signature in it; each earlier sign-off is taken to B-T.
 */
public final class SignatureAugmentation {
    private static final Logger log = LoggerFactory.getLogger(SignatureAugmentation.class);
    /** What B-B needs: nothing, so nothing is called. */
    public static final SignatureAugmentation NONE = new SignatureAugmentation(PadesLevel.B_B, null, null);

    private final PadesLevel level;
    private final LongTermData longTermData;
    private final PAdESService service;
    private final TimestampAuthority tsa;

    /**
     * @param tsa   the time-stamp authority; required from B-T up
     * @param trust where trust anchors and revocation data come from; required from B-T up
     */
    public SignatureAugmentation(PadesLevel level, TimestampAuthority tsa, TrustValidator trust) {
        this(level, LongTermData.ON_APPROVAL, tsa, trust);
    }

    /**
     * @param longTermData when the validation data and the archive time-stamp are added (B-LT, B-LTA)
     * @param tsa          the time-stamp authority; required from B-T up
     * @param trust        where trust anchors and revocation data come from; required from B-T up
     */
    public SignatureAugmentation(
            PadesLevel level, LongTermData longTermData, TimestampAuthority tsa, TrustValidator trust) {
        this.level = level;
        this.longTermData = longTermData;
        if (!level.timestamped()) {
            this.service = null;
            this.tsa = null;
            return;
        }
        if (tsa == null || trust == null) {
            throw new IllegalArgumentException(
                    "signing at " + level + " needs a time-stamp authority (sello.signing.tsa.url)");
        }
        CommonCertificateVerifier sources = trust.certificateSources();
        if (level.longTerm() && sources.getCrlSource() == null && sources.getOcspSource() == null) {
            throw new IllegalArgumentException(
                    "sello.signing.level=" + level + " embeds CRL/OCSP answers, and none can be"
                            + " obtained: turn on sello.signing.trust.revocation-fetching and name the hosts in allowed-hosts");
        }
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(sources.getTrustedCertSources());
        verifier.setCrlSource(sources.getCrlSource());
        verifier.setOcspSource(sources.getOcspSource());
        verifier.setAIASource(null); // as in verification: no download from a URL a certificate names
        // each sign-off extends the whole document, whose earlier sign-offs are already at the level: that is expected
        verifier.setAugmentationAlertOnHigherSignatureLevel(new SilentOnStatusAlert());
        PAdESService pades = new PAdESService(verifier);
        pades.setPdfObjFactory(new ITextDefaultPdfObjFactory());
        pades.setTspSource(tsa);
        this.service = pades;
        this.tsa = tsa;
    }

    /** The deployment's level and authority, as configured ({@code sello.signing.level}, {@code sello.signing.tsa.*}). */
    public static SignatureAugmentation of(SigningProperties properties, TrustValidator trust) {
        if (!properties.level().timestamped()) {
            return NONE;
        }
        SigningProperties.Tsa tsa = properties.tsa();
        X509Certificate pinned = tsa.certificate() == null
                ? null
                : SigningKeys.readCertificate(tsa.certificate(), "sello.signing.tsa.certificate");
        return new SignatureAugmentation(
                properties.level(),
                properties.longTermData(),
                new TimestampAuthority(tsa.url(), pinned, tsa.timeout()),
                trust);
    }

    public PadesLevel level() {
        return level;
    }

    /**
     * The authority a CMS Sello makes itself takes its signature time-stamp from ({@link PdfSigner}), or {@code null}
     * at B-B. Such a signature is B-T as made, and {@link #augmentTimestamped} adds only what B-LT and B-LTA need.
     */
    public TSPSource signatureTimestamps() {
        return tsa;
    }

    /**
     * The level a sign-off is taken to: the deployment's, unless the long-term layer waits for the sign-off that
     * completes the document ({@link LongTermData#ON_APPROVAL}); an earlier one is taken to B-T.
     *
     * @param completes whether this sign-off is the document's last (APROBADO)
     */
    public PadesLevel levelFor(boolean completes) {
        return level.longTerm() && !completes && longTermData == LongTermData.ON_APPROVAL ? PadesLevel.B_T : level;
    }

    /**
     * {@link #augment} for a signature whose CMS already holds a signature time-stamp (from {@link #signatureTimestamps}):
     * at B-T there is nothing to add (DSS, asked for B-T, would add a document time-stamp regardless); from B-LT up
     * DSS sees the signature is already B-T and appends only the /DSS revision and, at B-LTA, the archive
     * time-stamp: 3 revisions per sign-off instead of 4, or, on approval, 2 for the whole document.
     *
     * @param completes whether this sign-off is the document's last (APROBADO)
     */
    public byte[] augmentTimestamped(byte[] signed, boolean completes) {
        PadesLevel target = levelFor(completes);
        return target == PadesLevel.B_T ? signed : augment(signed, target);
    }

    /**
     * @param signed    a PDF whose last revision adds a signature
     * @param completes whether this sign-off is the document's last (APROBADO)
     * @return the same file with the revisions its level ({@link #levelFor}) needs appended (the file itself at B-B)
     * @throws SigningUnavailableException when the time-stamp authority or a revocation source does not answer
     */
    public byte[] augment(byte[] signed, boolean completes) {
        return augment(signed, levelFor(completes));
    }

    private byte[] augment(byte[] signed, PadesLevel level) {
        if (service == null) {
            return signed;
        }
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level.dss());
        try (InputStream in =
                service.extendDocument(new InMemoryDocument(signed), parameters).openStream()) {
            return in.readAllBytes();
        } catch (AlertException e) {
            // DSS's words name certificates by their DSS ids; the plain fact is enough for the caller
            log.warn("signing at {} failed: {}", level, e.getMessage());
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (!message.contains("revocation data is missing") && !message.contains("no revocation data")) {
                throw new SigningException(
                        "the signature could not be taken to " + level + ": the signer's certificate"
                                + " chain does not allow it (revoked, expired or self-signed)",
                        e);
            }
            throw new SigningUnavailableException(
                    "the revocation data (CRL or OCSP) needed for a " + level
                            + " signature could not be obtained; the sign-off was not made, try again later",
                    TimestampAuthority.RETRY_AFTER_SECONDS,
                    e);
        } catch (IOException | RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SigningUnavailableException unavailable) {
                    throw unavailable;
                }
            }
            throw new SigningException("the signature could not be taken to " + level, e);
        }
    }
}
