package io.sello.signing;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfAppearance;
import com.lowagie.text.pdf.PdfFormField;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import io.sello.document.SignatureSlot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Empty signature fields, one per sign-off step, over the FIRMA cells: any PDF signer (Sello's CLI,
 * a reviewer's desktop reader) then signs the right cell by the step's name, without knowing the layout.
 */
public final class SignatureFields {
    private SignatureFields() {}

    public static byte[] add(byte[] pdf, List<SignatureSlot> slots) {
        if (slots.isEmpty()) {
            return pdf;
        }
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 8 * 1024);
            PdfStamper stamper = new PdfStamper(reader, out);
            for (SignatureSlot slot : slots) {
                PdfFormField field = PdfFormField.createSignature(stamper.getWriter());
                field.setFieldName(slot.step());
                Rectangle rectangle = userSpace(reader, slot);
                field.setWidget(rectangle, null);
                // PDF/A (ISO 19005-1, 6.9) wants an appearance for every field, even an empty one.
                field.setAppearance(
                        PdfAnnotation.APPEARANCE_NORMAL,
                        PdfAppearance.createAppearance(
                                stamper.getWriter(), rectangle.getWidth(), rectangle.getHeight()));
                field.setFlags(PdfAnnotation.FLAGS_PRINT);
                field.setPage(slot.page());
                stamper.addAnnotation(field, slot.page());
            }
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new SigningException("the signature fields could not be added", e);
        }
    }

    /** The empty signature field named {@code step}, if the PDF has one. */
    public static boolean hasEmptyField(byte[] pdf, String step) {
        try {
            AcroFields fields = new PdfReader(pdf).getAcroFields();
            return fields.getFieldNamesWithBlankSignatures().contains(step);
        } catch (IOException e) {
            throw new SigningException("the PDF cannot be read", e);
        }
    }

    /**
     * Slots are in the page as seen; a widget's rectangle is in user space, which a rotated page
     * (JasperReports writes landscape as portrait turned 90°) turns under the reader's eyes.
     */
    static Rectangle userSpace(PdfReader reader, SignatureSlot slot) {
        int rotation = reader.getPageRotation(slot.page());
        Rectangle media = reader.getPageSize(slot.page());
        float x = slot.x();
        float y = slot.y();
        float w = slot.width();
        float h = slot.height();
        return switch (rotation) {
            case 90 -> new Rectangle(media.getWidth() - y - h, x, media.getWidth() - y, x + w);
            case 180 ->
                new Rectangle(
                        media.getWidth() - x - w,
                        media.getHeight() - y - h,
                        media.getWidth() - x,
                        media.getHeight() - y);
            case 270 -> new Rectangle(y, media.getHeight() - x - w, y + h, media.getHeight() - x);
            default -> new Rectangle(x, y, x + w, y + h);
        };
    }
}
