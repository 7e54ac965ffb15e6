package io.sello.signing;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import io.sello.document.SignatureSlot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds one signature as an incremental update, so that every earlier signature stays valid: the
 * visible field fills the signer's FIRMA cell and shows name, position and date.
 */
public final class PdfSigner {
    /**
     * What a CMS holds besides its certificates and its time-stamp token: the signed attributes, a signature value of
     * up to 4096-bit RSA, and the structure around them.
     */
    private static final int CMS_OVERHEAD = 2 * 1024;
    /** A time-stamp token before a key has been time-stamped here: a token carrying its authority's chain. */
    private static final int FIRST_TOKEN_ALLOWANCE = 8 * 1024;
    /** Two tokens of one authority differ by a few bytes (serial number, nonce, fraction of a second). */
    private static final int MARGIN = 512;
    /** No CMS is larger: a reservation that would be is a fault, not a size to try. */
    private static final int MAX_CONTENTS = 64 * 1024;

    static final PdfName SUBFILTER_CADES = new PdfName("ETSI.CAdES.detached");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);

    private final ZoneId zone;
    /** The whole font: whatever script a signer's name is written in. */
    private final BaseFont font;
    /**
     * The same font cut to Latin-1, Latin Extended-A and common punctuation ({@code scripts/signature-font.sh}): every
     * signature embeds a subset of its font, and a subset of the whole font still carries metrics and offsets for all
     * of its 6,000 glyphs, about 13 KB per signature against 3 KB here, bytes every verifier reads again (issue 16).
     */
    private final BaseFont latin;
    /**
     * The room the last CMS of each key took, plus {@link #MARGIN}. The space reserved for a signature is hashed with
     * the file and parsed by every verifier, so it is sized to what the key's CMS needs instead of a fixed 16 KB: on
     * the three sign-offs of a Formulario N.5.B that is about 40 KB less to read for every verification (issue 16, a
     * B-LTA form verified in under 50 ms). Bounded by the keys the deployment configures.
     */
    private final Map<Room, Integer> learned = new ConcurrentHashMap<>();

    private record Room(X509Certificate certificate, boolean timestamped) {}

    private record Attempt(byte[] pdf, int cmsLength, int reserved) {
        boolean fits() {
            return pdf != null;
        }
    }

    public PdfSigner(ZoneId zone) {
        this.zone = zone;
        try {
            this.font =
                    BaseFont.createFont("sello/fonts/DejaVuSansCondensed.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            this.latin = BaseFont.createFont(
                    "sello/fonts/DejaVuSansCondensed-Firma.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            // OpenPDF's /CIDSet lists the characters used, not the glyphs composites pull in: PDF/A-3 refuses an
            // incomplete one and lets it be left out (ISO 19005-3, 6.2.11.4.2), as the engines do
            // (rendering/SourceAttachment.withoutCidSet)
            font.setIncludeCidSet(false);
            latin.setIncludeCidSet(false);
        } catch (IOException | RuntimeException e) {
            throw new SigningException("the signature font is missing", e);
        }
    }

    /**
     * Signs into the empty signature field named after the step when the PDF has one (stored
     * documents do), else into a new field over {@code slot}.
     *
     * @param slot where to sign when there is no empty field; may be null when there is one
     */
    public byte[] sign(byte[] pdf, SignatureSlot slot, Signer signer, SigningKey key, Instant when) {
        return sign(pdf, slot, signer, key, when, null);
    }

    /**
     * The same, and with {@code signatureTimestamps} the CMS carries a signature time-stamp from that authority
     * (PAdES B-T as made, see {@link CadesSignature}).
     *
     * @param signatureTimestamps the deployment's time-stamp authority, or {@code null} for a B-B signature
     * @throws SigningUnavailableException when the authority (or a token) does not answer; nothing is signed then
     */
    public byte[] sign(
            byte[] pdf,
            SignatureSlot slot,
            Signer signer,
            SigningKey key,
            Instant when,
            TSPSource signatureTimestamps) {
        Room room = new Room(key.certificate(), signatureTimestamps != null);
        int reserved = learned.getOrDefault(room, estimate(key, signatureTimestamps != null));
        Attempt attempt = attempt(pdf, slot, signer, key, when, signatureTimestamps, reserved);
        if (!attempt.fits() && attempt.cmsLength() + MARGIN <= MAX_CONTENTS) {
            // a longer token or chain than last time: sign again with room for it (the key and authority sign twice)
            attempt = attempt(pdf, slot, signer, key, when, signatureTimestamps, attempt.cmsLength() + MARGIN);
        }
        if (!attempt.fits()) {
            throw new SigningException("the signature is larger than the space reserved for it");
        }
        learned.put(room, attempt.cmsLength() + MARGIN);
        return attempt.pdf();
    }

    /** The Latin cut when it has every character of {@code text}, else the whole font. */
    BaseFont fontFor(String text) {
        boolean covered = text.codePoints().allMatch(c -> Character.isISOControl(c) || latin.charExists(c));
        return covered ? latin : font;
    }

    /** The room a first CMS of {@code key} takes: its chain, the rest of the CMS and, if time-stamped, a token. */
    private static int estimate(SigningKey key, boolean timestamped) {
        int chain = 0;
        for (X509Certificate certificate : key.chain()) {
            try {
                chain += certificate.getEncoded().length;
            } catch (CertificateEncodingException e) {
                throw new SigningException("the signer's certificate chain cannot be encoded", e);
            }
        }
        return Math.min(MAX_CONTENTS, chain + CMS_OVERHEAD + (timestamped ? FIRST_TOKEN_ALLOWANCE : 0));
    }

    /** One signing with {@code reserved} bytes for the CMS; no file when the CMS did not fit. */
    private Attempt attempt(
            byte[] pdf,
            SignatureSlot slot,
            Signer signer,
            SigningKey key,
            Instant when,
            TSPSource signatureTimestamps,
            int reserved) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + reserved * 2 + 16 * 1024);
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            Calendar time = new GregorianCalendar(TimeZone.getTimeZone(zone), Locale.ROOT);
            time.setTimeInMillis(when.toEpochMilli());
            appearance.setSignDate(time);
            appearance.setReason(signer.step());
            appearance.setLocation(signer.position());
            appearance.setAcro6Layers(true);
            appearance.setRender(PdfSignatureAppearance.SignatureRenderDescription);
            String shown = signer.name() + " · " + signer.position() + "\nFirmado digitalmente el "
                    + SHOWN.format(when.atZone(zone)) + " (" + zone.getId() + ")";
            appearance.setLayer2Font(new Font(fontFor(shown), 6f));
            appearance.setLayer2Text(shown);
            if (reader.getAcroFields().getFieldNamesWithBlankSignatures().contains(signer.step())) {
                appearance.setVisibleSignature(signer.step());
            } else if (slot != null) {
                float inset = 1.5f;
                appearance.setVisibleSignature(
                        new Rectangle(
                                slot.x() + inset,
                                slot.y() + inset,
                                slot.x() + slot.width() - inset,
                                slot.y() + slot.height() - inset),
                        slot.page(),
                        signer.step());
            } else {
                throw new SigningException("the PDF has no empty " + signer.step() + " signature field");
            }
            PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, SUBFILTER_CADES);
            dictionary.setDate(new PdfDate(time));
            dictionary.setName(signer.name());
            dictionary.setReason(signer.step());
            dictionary.setLocation(signer.position());
            appearance.setCryptoDictionary(dictionary);
            Map<PdfName, Integer> exclusion = new HashMap<>();
            exclusion.put(PdfName.CONTENTS, reserved * 2 + 2);
            appearance.preClose(exclusion);
            byte[] signedBytes = appearance.getRangeStream().readAllBytes();
            byte[] cms = CadesSignature.sign(signedBytes, key, signatureTimestamps);
            if (cms.length > reserved) {
                return new Attempt(null, cms.length, reserved);
            }
            byte[] padded = new byte[reserved];
            System.arraycopy(cms, 0, padded, 0, cms.length);
            PdfDictionary update = new PdfDictionary();
            update.put(PdfName.CONTENTS, new PdfString(padded).setHexWriting(true));
            appearance.close(update);
            return new Attempt(out.toByteArray(), cms.length, reserved);
        } catch (IOException | DocumentException e) {
            throw new SigningException("the PDF could not be signed", e);
        }
    }
}
