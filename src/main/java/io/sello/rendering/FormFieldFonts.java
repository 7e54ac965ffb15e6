package io.sello.rendering;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The text fields of a fillable form typed in Helvetica, the standard font every PDF reader has, rather than in the
 * font they were printed with. The template's font (DejaVu Sans Condensed) is embedded as a subset of the glyphs the
 * page shows, so a reader filling a field could draw only those: PDFBox refuses a "Y" that no heading contains, and
 * viewers show boxes. Helvetica with WinAnsi encoding covers Spanish (á, ñ, ü, ¿, º). Only the fields' default
 * appearance ({@code /DA}) changes; what is printed before anything is typed stays as the template drew it.
 */
public final class FormFieldFonts {
    private static final PdfName HELV = new PdfName("Helv");
    /** {@code /F1 7.5 Tf}: the font resource and size of a default appearance (ISO 32000-1, 12.7.3.3). */
    private static final Pattern FONT = Pattern.compile("/[^\\s/]+\\s+([0-9.]+)\\s+Tf");

    private FormFieldFonts() {
    }

    public static byte[] standard(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 4096);
            PdfStamper stamper = new PdfStamper(reader, out);
            PdfDictionary acroForm = reader.getCatalog().getAsDict(PdfName.ACROFORM);
            if (acroForm != null) {
                PdfDictionary resources = acroForm.getAsDict(PdfName.DR);
                if (resources == null) {
                    resources = new PdfDictionary();
                    acroForm.put(PdfName.DR, resources);
                }
                PdfDictionary fonts = resources.getAsDict(PdfName.FONT);
                if (fonts == null) {
                    fonts = new PdfDictionary();
                    resources.put(PdfName.FONT, fonts);
                }
                PdfDictionary helvetica = new PdfDictionary(PdfName.FONT);
                helvetica.put(PdfName.SUBTYPE, PdfName.TYPE1);
                helvetica.put(PdfName.BASEFONT, PdfName.HELVETICA);
                helvetica.put(PdfName.ENCODING, PdfName.WIN_ANSI_ENCODING);
                fonts.put(HELV, stamper.getWriter().addToBody(helvetica).getIndirectReference());
                acroForm.put(PdfName.DA, new PdfString("/Helv 0 Tf 0 g"));
                for (AcroFields.Item item : reader.getAcroFields().getAllFields().values()) {
                    for (int i = 0; i < item.size(); i++) {
                        helvetica(item.getValue(i));
                        helvetica(item.getWidget(i));
                        helvetica(item.getMerged(i));
                    }
                }
            }
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new RenderingException("the form's fields could not be set to a standard font", e);
        }
    }

    private static void helvetica(PdfDictionary field) {
        if (field == null) {
            return;
        }
        PdfString appearance = field.getAsString(PdfName.DA);
        if (appearance != null) {
            field.put(PdfName.DA, new PdfString(FONT.matcher(appearance.toUnicodeString()).replaceAll("/Helv $1 Tf")));
        }
    }
}
