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
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Adds one signature as an incremental update, so that every earlier signature stays valid: the
 * visible field fills the signer's FIRMA cell and shows name, position and date.
 */
public final class PdfSigner {
    /** Room for a CMS with a 4096-bit RSA signature and a short chain. */
    private static final int CONTENTS_SIZE = 16 * 1024;

    static final PdfName SUBFILTER_CADES = new PdfName("ETSI.CAdES.detached");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);

    private final ZoneId zone;
    private final BaseFont font;

    public PdfSigner(ZoneId zone) {
        this.zone = zone;
        try {
            this.font =
                    BaseFont.createFont("sello/fonts/DejaVuSansCondensed.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
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
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + CONTENTS_SIZE * 2 + 16 * 1024);
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            Calendar time = new GregorianCalendar(TimeZone.getTimeZone(zone), Locale.ROOT);
            time.setTimeInMillis(when.toEpochMilli());
            appearance.setSignDate(time);
            appearance.setReason(signer.step());
            appearance.setLocation(signer.position());
            appearance.setAcro6Layers(true);
            appearance.setRender(PdfSignatureAppearance.SignatureRenderDescription);
            appearance.setLayer2Font(new Font(font, 6f));
            appearance.setLayer2Text(signer.name() + " · " + signer.position() + "\nFirmado digitalmente el "
                    + SHOWN.format(when.atZone(zone)) + " (" + zone.getId() + ")");
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
            exclusion.put(PdfName.CONTENTS, CONTENTS_SIZE * 2 + 2);
            appearance.preClose(exclusion);
            byte[] signedBytes = appearance.getRangeStream().readAllBytes();
            byte[] cms = CadesSignature.sign(signedBytes, key, signatureTimestamps);
            if (cms.length > CONTENTS_SIZE) {
                throw new SigningException("the signature is larger than the space reserved for it");
            }
            byte[] padded = new byte[CONTENTS_SIZE];
            System.arraycopy(cms, 0, padded, 0, cms.length);
            PdfDictionary update = new PdfDictionary();
            update.put(PdfName.CONTENTS, new PdfString(padded).setHexWriting(true));
            appearance.close(update);
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new SigningException("the PDF could not be signed", e);
        }
    }
}
