package io.sello.signing;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An uploaded, untrusted PDF read by another feature than the verifier (a filled form, issue 17), with the verifier's
 * defences: the raw-byte {@link PdfPrescan} against {@link PdfLimits} before OpenPDF parses anything, XFA dropped before
 * the fields are read (so its XML is never inflated or parsed), and a parse that overflows the stack or runs out of
 * memory refused as this request's failure, not the service's. What comes out is plain data: the features that use it
 * never touch OpenPDF (ArchitectureTest).
 */
public final class UploadedPdf {
    private static final PdfName JAVASCRIPT = new PdfName("JavaScript");

    private UploadedPdf() {}

    /** One AcroForm field: its full name, the value saved in it ({@code /V}, empty when none) and its ReadOnly flag. */
    public record FormField(String name, String value, boolean readOnly) {
        public FormField {
            Objects.requireNonNull(name, "name");
            value = value == null ? "" : value;
        }
    }

    /**
     * The fields of a form as saved, never as a viewer would compute them: nothing in the file runs.
     *
     * @param hasForm whether the file has an AcroForm at all
     * @param scripts whether the file carries actions (JavaScript on a field or the document, an open action): ignored
     * @param xfa     whether the form carried XFA: dropped unread
     */
    public record FilledForm(boolean hasForm, List<FormField> fields, boolean scripts, boolean xfa) {
        public FilledForm {
            fields = List.copyOf(fields);
        }
    }

    /**
     * @throws PdfRefusedException over one of {@code limits}, or not a readable PDF (answered 422 by the web layer)
     */
    public static FilledForm formFields(byte[] pdf, PdfLimits limits) {
        if (pdf == null || pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F') {
            throw PdfRefusedException.unreadable("it does not start with %PDF");
        }
        PdfPrescan.check(pdf, limits);
        PdfReader reader = null;
        try {
            reader = new PdfReader(pdf);
            PdfDictionary catalog = reader.getCatalog();
            PdfDictionary acroForm = catalog.getAsDict(PdfName.ACROFORM);
            if (acroForm == null) {
                return new FilledForm(false, List.of(), false, false);
            }
            boolean xfa = acroForm.contains(PdfName.XFA);
            acroForm.remove(PdfName.XFA);
            PdfDictionary names = catalog.getAsDict(PdfName.NAMES);
            boolean scripts = catalog.contains(PdfName.OPENACTION)
                    || catalog.contains(PdfName.AA)
                    || names != null && names.contains(JAVASCRIPT);
            AcroFields fields = reader.getAcroFields();
            List<FormField> found = new ArrayList<>();
            for (var entry : fields.getAllFields().entrySet()) {
                AcroFields.Item item = entry.getValue();
                scripts |= scripted(item);
                found.add(new FormField(entry.getKey(), fields.getField(entry.getKey()), readOnly(item)));
            }
            return new FilledForm(true, found, scripts, xfa);
        } catch (PdfRefusedException e) {
            throw e;
        } catch (StackOverflowError | OutOfMemoryError | IOException | RuntimeException e) {
            throw PdfRefusedException.whileParsing(e);
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
    }

    /** A field (or one of its widgets) with an action: a script a viewer would run on a keystroke, format or calculation. */
    private static boolean scripted(AcroFields.Item item) {
        for (int i = 0; i < item.size(); i++) {
            PdfDictionary merged = item.getMerged(i);
            if (merged != null && (merged.contains(PdfName.AA) || merged.contains(PdfName.A))) {
                return true;
            }
        }
        return false;
    }

    /** Field flag 1, ReadOnly (ISO 32000-1, table 221). */
    private static boolean readOnly(AcroFields.Item item) {
        PdfDictionary merged = item.size() > 0 ? item.getMerged(0) : null;
        PdfObject flags = merged == null ? null : merged.get(PdfName.FF);
        return flags instanceof PdfNumber number && (number.intValue() & 1) != 0;
    }
}
