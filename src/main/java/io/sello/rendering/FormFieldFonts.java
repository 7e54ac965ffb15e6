package io.sello.rendering;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfFormField;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
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
 * appearance ({@code /DA}) changes, to Helvetica in a size that fits the cell; what is printed before anything is typed stays as the template drew it.
 */
public final class FormFieldFonts {
    private static final PdfName HELV = new PdfName("Helv");
    /**
     * {@code /F1 7.5 Tf}: the font resource and size of a default appearance (ISO 32000-1, 12.7.3.3). The size is set by
     * {@link #size}.
     */
    private static final Pattern FONT = Pattern.compile("/[^\\s/]+\\s+([0-9.]+)\\s+Tf");

    private FormFieldFonts() {}

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
                for (AcroFields.Item item :
                        reader.getAcroFields().getAllFields().values()) {
                    for (int i = 0; i < item.size(); i++) {
                        String size = size(item.getMerged(i));
                        helvetica(item.getValue(i), size);
                        helvetica(item.getWidget(i), size);
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

    private static void helvetica(PdfDictionary field, String size) {
        if (field == null) {
            return;
        }
        PdfString appearance = field.getAsString(PdfName.DA);
        if (appearance != null) {
            field.put(
                    PdfName.DA,
                    new PdfString(FONT.matcher(appearance.toUnicodeString()).replaceAll("/Helv " + size + " Tf")));
        }
    }

    /**
     * The size a field's text is typed in. A one-line cell of the printed grid (11 or 12 points high: the header block, a
     * budget line's amounts) fits its text ({@code 0}): a typed 999,999,999,999.99 shrinks as the printed one does. A
     * taller cell would make fitted text huge, so it keeps the form's 7.5 points, or 6.5 in a narrow one, where a date
     * typed 02/01/2020 fits the 38-point column (5).
     */
    private static String size(PdfDictionary widget) {
        PdfArray rect = widget == null ? null : widget.getAsArray(PdfName.RECT);
        if (rect == null || rect.size() != 4) {
            return "7.5";
        }
        float width =
                Math.abs(rect.getAsNumber(2).floatValue() - rect.getAsNumber(0).floatValue());
        float height =
                Math.abs(rect.getAsNumber(3).floatValue() - rect.getAsNumber(1).floatValue());
        PdfNumber flags = widget.getAsNumber(PdfName.FF);
        boolean multiline = flags != null && (flags.intValue() & PdfFormField.FF_MULTILINE) != 0;
        if (multiline) {
            return "7.5";
        }
        return height <= 14 ? "0" : width < 60 ? "6.5" : "7.5";
    }
}
