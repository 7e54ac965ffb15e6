package io.sello.signing;

import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.RandomAccessFileOrArray;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Whether an incremental revision appended after a signature only adds PAdES validation data (ETSI EN 319 142-1,
 * 5.4.2 and 5.5: the /DSS dictionary with certificates, CRLs and OCSP answers that make a signature B-LT), which
 * changes nothing a reader sees, or changes the document. It is decided object by object, comparing the revision with
 * the one before it: every earlier object must be unchanged but the catalogue's /DSS, /Extensions and /Version, the
 * document information and the XMP metadata; the objects it adds may be used only by the validation data.
 */
final class ValidationData {
    /** Catalogue keys an augmentation to B-LT/B-LTA sets (ISO 32000-2, 12.8.4.3 and 7.12: extensions, version). */
    static final Set<PdfName> CATALOG_KEYS = Set.of(new PdfName("DSS"), PdfName.EXTENSIONS, PdfName.VERSION);

    private ValidationData() {}

    /** One revision of a file (the bytes up to its %%EOF), read lazily: the cross-reference table, then each object on demand. */
    static final class Revision extends PdfReader {
        Revision(byte[] pdf, int end) throws IOException {
            // OpenPDF's partial mode: only the xref chain, the trailer and the page tree are read now
            super(new RandomAccessFileOrArray(Arrays.copyOf(pdf, end)), null);
        }

        int size() {
            return xref == null ? 0 : xref.length / 2;
        }

        /** Where the object is written, when it is written as itself (not inside an object stream); else -1. */
        long offset(int number) {
            int k = 2 * number;
            return xref == null || k + 1 >= xref.length || xref[k + 1] != 0 || xref[k] <= 0 ? -1 : xref[k];
        }

        /** The cross-reference table has an entry in use for the object. */
        boolean defined(int number) {
            int k = 2 * number;
            return xref != null && k + 1 < xref.length && (xref[k] > 0 || xref[k + 1] > 0);
        }
    }

    /**
     * @param added collects the numbers of the objects the revision adds
     * @return {@code null} when {@code after} only adds validation data to {@code before}; else what it changes, in
     * words ("the document catalogue (object 30; changed: [/OpenAction])")
     */
    static String changes(Revision before, Revision after, Set<Integer> added) {
        PdfObject root = before.getTrailer().get(PdfName.ROOT);
        if (!(root instanceof PdfIndirectReference catalog)
                || !PdfObjects.same(root, after.getTrailer().get(PdfName.ROOT), 0)) {
            return "the trailer's /Root";
        }
        if (!PdfObjects.same(
                before.getTrailer().get(PdfName.ENCRYPT), after.getTrailer().get(PdfName.ENCRYPT), 0)) {
            return "the trailer's /Encrypt";
        }
        // document information (a tool's ModDate and Producer) and XMP metadata are about the file, not its content
        Set<Integer> metadata = new HashSet<>();
        for (PdfObject info : new PdfObject[] {
            before.getTrailer().get(PdfName.INFO),
            after.getTrailer().get(PdfName.INFO),
            before.getCatalog().get(PdfName.METADATA)
        }) {
            if (info instanceof PdfIndirectReference reference) {
                metadata.add(reference.getNumber());
            }
        }
        int size = before.size();
        for (int number = 1; number < size; number++) {
            long offset = before.offset(number);
            if (offset > 0 && offset == after.offset(number)) {
                continue; // the same bytes of the same prefix: an object the revision did not write again
            }
            if (!before.defined(number)) {
                if (after.defined(number)) {
                    added.add(number);
                }
                continue;
            }
            if (metadata.contains(number)) {
                continue;
            }
            PdfObject was = before.getPdfObjectRelease(number);
            PdfObject is = after.getPdfObjectRelease(number);
            if (was == null || was.isNull()) {
                if (is != null && !is.isNull()) {
                    added.add(number);
                }
                continue;
            }
            Set<PdfName> keys = number == catalog.getNumber() ? CATALOG_KEYS : Set.of();
            if (!PdfObjects.sameExcept(was, is, keys, Map.of())) {
                String what = PdfObjects.differingKeys(was, is, keys);
                return PdfObjects.describe(was) + " (object " + number + "; changed: "
                        + (what.isEmpty() || "[]".equals(what) ? "its value" : what) + ")";
            }
        }
        for (int number = Math.max(1, size); number < after.size(); number++) {
            if (after.defined(number)) {
                added.add(number);
            }
        }
        return null;
    }

    /**
     * An object added with validation data must be used by nothing else: a page, annotation list or content array of
     * the signed revision that refers to an object number not yet defined there would otherwise show whatever a
     * later "validation data" revision puts under that number (an overlay the signature never covered).
     *
     * @param reader the whole file, fully read
     * @return {@code null}, or which object uses one of {@code added}
     */
    static String usedByDocument(PdfReader reader, Set<Integer> added) {
        PdfObject root = reader.getTrailer().get(PdfName.ROOT);
        int catalog = root instanceof PdfIndirectReference reference ? reference.getNumber() : -1;
        for (int number = 1; number < reader.getXrefSize(); number++) {
            if (added.contains(number)) {
                continue;
            }
            PdfObject object = reader.getPdfObject(number);
            if (object == null) {
                continue;
            }
            Integer used;
            if (number == catalog && object instanceof PdfDictionary dictionary) {
                used = null;
                for (PdfName key : dictionary.getKeys()) {
                    if (!CATALOG_KEYS.contains(key) && (used = uses(dictionary.get(key), added, 0)) != null) {
                        break;
                    }
                }
            } else {
                used = uses(object, added, 0);
            }
            if (used != null) {
                return PdfObjects.describe(object) + " (object " + number + ") uses object " + used
                        + ", which was added with the validation data";
            }
        }
        return null;
    }

    private static Integer uses(PdfObject object, Set<Integer> numbers, int depth) {
        if (object == null || depth > 64) {
            return null;
        }
        if (object instanceof PRIndirectReference reference) {
            return numbers.contains(reference.getNumber()) ? reference.getNumber() : null;
        }
        if (object instanceof PdfDictionary dictionary) {
            for (PdfName key : dictionary.getKeys()) {
                Integer used = uses(dictionary.get(key), numbers, depth + 1);
                if (used != null) {
                    return used;
                }
            }
        } else if (object instanceof PdfArray array) {
            for (int i = 0; i < array.size(); i++) {
                Integer used = uses(array.getPdfObject(i), numbers, depth + 1);
                if (used != null) {
                    return used;
                }
            }
        }
        return null;
    }
}
