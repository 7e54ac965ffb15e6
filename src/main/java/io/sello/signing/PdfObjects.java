package io.sello.signing;

import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one object of two revisions of a PDF, as written: references by number (the object they point to is
 * compared on its own), streams by their dictionary and their raw bytes. Nothing is followed, so a file whose
 * objects refer to each other in circles is compared in one pass over its objects.
 */
final class PdfObjects {
    private static final int MAX_DEPTH = 64;

    private PdfObjects() {}

    /**
     * @param mayDiffer keys of a dictionary whose values may differ (or appear, or go)
     * @param nested    for keys holding a direct dictionary: the keys that may differ inside it
     */
    static boolean sameExcept(PdfObject was, PdfObject is, Set<PdfName> mayDiffer, Map<PdfName, Set<PdfName>> nested) {
        if (was instanceof PdfDictionary a
                && is instanceof PdfDictionary b
                && !(was instanceof PRStream)
                && !(is instanceof PRStream)) {
            Set<PdfName> keys = new HashSet<>(a.getKeys());
            keys.addAll(b.getKeys());
            for (PdfName key : keys) {
                if (mayDiffer.contains(key)) {
                    continue;
                }
                Set<PdfName> inside = nested.get(key);
                boolean same =
                        inside != null && a.get(key) instanceof PdfDictionary && b.get(key) instanceof PdfDictionary
                                ? sameExcept(a.get(key), b.get(key), inside, Map.of())
                                : sameValue(key, a.get(key), b.get(key), 0);
                if (!same) {
                    return false;
                }
            }
            return true;
        }
        return same(was, is, 0);
    }

    /** The keys whose values differ between two dictionaries, for a refusal that says what changed ("/F, /P"). */
    static String differingKeys(PdfObject was, PdfObject is, Set<PdfName> ignoring) {
        if (!(was instanceof PdfDictionary a) || !(is instanceof PdfDictionary b)) {
            return "";
        }
        Set<PdfName> keys = new TreeSet<>(Comparator.comparing(PdfName::toString));
        keys.addAll(a.getKeys());
        keys.addAll(b.getKeys());
        keys.removeIf(key -> ignoring.contains(key) || sameValue(key, a.get(key), b.get(key), 0));
        if (was instanceof PRStream x && is instanceof PRStream y && !Arrays.equals(raw(x), raw(y))) {
            return keys.isEmpty() ? "its content" : keys + " and its content";
        }
        return keys.toString();
    }

    /** A rectangle is the same whichever corners a tool writes first (ISO 32000-1, 7.9.5: any two opposite corners). */
    private static boolean sameValue(PdfName key, PdfObject a, PdfObject b, int depth) {
        if (PdfName.RECT.equals(key)
                && a instanceof PdfArray x
                && b instanceof PdfArray y
                && x.size() == 4
                && y.size() == 4) {
            double[] r = corners(x);
            double[] q = corners(y);
            return r != null
                    && q != null
                    && Arrays.stream(new int[] {0, 1, 2, 3}).allMatch(i -> Math.abs(r[i] - q[i]) < 0.01);
        }
        return same(a, b, depth);
    }

    private static double[] corners(PdfArray rectangle) {
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            if (!(rectangle.getPdfObject(i) instanceof PdfNumber n)) {
                return null;
            }
            v[i] = n.doubleValue();
        }
        return new double[] {Math.min(v[0], v[2]), Math.min(v[1], v[3]), Math.max(v[0], v[2]), Math.max(v[1], v[3])};
    }

    static boolean same(PdfObject a, PdfObject b, int depth) {
        if (a == null || b == null) {
            return a == b;
        }
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (a instanceof PRIndirectReference x && b instanceof PRIndirectReference y) {
            return x.getNumber() == y.getNumber() && x.getGeneration() == y.getGeneration();
        }
        if (a.type() != b.type()) {
            return false;
        }
        if (a instanceof PRStream x && b instanceof PRStream y) {
            return sameDictionary(x, y, depth) && Arrays.equals(raw(x), raw(y));
        }
        if (a instanceof PdfDictionary x && b instanceof PdfDictionary y) {
            return sameDictionary(x, y, depth);
        }
        if (a instanceof PdfArray x && b instanceof PdfArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.getPdfObject(i), y.getPdfObject(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof PdfNumber x && b instanceof PdfNumber y) {
            // tools write the same number differently (56.7, 56.69999); a hundredth of a point is no change
            return Math.abs(x.doubleValue() - y.doubleValue()) < 0.01;
        }
        return a.toString().equals(b.toString());
    }

    private static boolean sameDictionary(PdfDictionary x, PdfDictionary y, int depth) {
        if (!x.getKeys().equals(y.getKeys())) {
            return false;
        }
        for (PdfName key : x.getKeys()) {
            if (!sameValue(key, x.get(key), y.get(key), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] raw(PRStream stream) {
        try {
            return PdfReader.getStreamBytesRaw(stream);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** What an object is, in words a reviewer reads: "a page", "an annotation", "a content stream". */
    static String describe(PdfObject object) {
        if (object instanceof PdfDictionary dictionary) {
            PdfName type = dictionary.getAsName(PdfName.TYPE);
            if (PdfName.PAGE.equals(type)) {
                return "a page";
            }
            if (PdfName.PAGES.equals(type)) {
                return "the page tree";
            }
            if (PdfName.ANNOT.equals(type)
                    || dictionary.get(PdfName.SUBTYPE) != null && dictionary.get(PdfName.RECT) != null) {
                return "an annotation";
            }
            if (PdfName.XOBJECT.equals(type) || object instanceof PRStream && dictionary.get(PdfName.SUBTYPE) != null) {
                return "an image or drawing";
            }
            if (PdfName.FONT.equals(type)) {
                return "a font";
            }
            if (PdfName.CATALOG.equals(type)) {
                return "the document catalogue";
            }
            if (object instanceof PRStream) {
                return "a content stream";
            }
            if (dictionary.get(PdfName.FT) != null || dictionary.get(PdfName.FIELDS) != null) {
                return "a form field";
            }
        }
        return "an object of the document";
    }
}
