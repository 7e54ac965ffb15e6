package io.sello.signing;

import com.lowagie.text.pdf.PdfReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What comparing a file's /DSS revisions with the revisions before them costs inside {@link PdfVerifier#verify}
 * (each prefix read once in OpenPDF's partial mode, the objects whose xref entry moved compared, then one walk of the
 * whole file for uses of the added objects). Argument: a B-LTA file (e.g. written by {@code LtaVerifyTiming}).
 */
final class ValidationDataTiming {
    public static void main(String[] args) throws Exception {
        byte[] pdf = Files.readAllBytes(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<Integer> ends = PdfVerifier.revisionEnds(pdf);
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        // the /DSS revisions: those writing a /Certs or /CRLs array and no signature dictionary
        List<Integer> dss = new ArrayList<>();
        for (int r = 1; r < ends.size(); r++) {
            String revision = text.substring(ends.get(r - 1), ends.get(r));
            if ((revision.contains("/Certs") || revision.contains("/CRLs")) && !revision.contains("/ByteRange")) {
                dss.add(r);
            }
        }
        PdfReader whole = new PdfReader(pdf);
        double[] ms = new double[runs];
        for (int i = 0; i < runs + 50; i++) {
            long start = System.nanoTime();
            Set<Integer> added = new HashSet<>();
            for (int r : dss) {
                String change = ValidationData.changes(
                        new ValidationData.Revision(pdf, ends.get(r - 1)),
                        new ValidationData.Revision(pdf, ends.get(r)),
                        added);
                if (change != null) {
                    throw new IllegalStateException("revision " + (r + 1) + " changes " + change);
                }
            }
            if (ValidationData.usedByDocument(whole, added) != null) {
                throw new IllegalStateException("an added object is used");
            }
            if (i >= 50) {
                ms[i - 50] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        System.out.printf(
                "%d /DSS revisions of %d: compared in median %.2f ms, p90 %.2f ms, min %.2f ms%n",
                dss.size(), ends.size(), ms[runs / 2], ms[runs * 9 / 10], ms[0]);
    }
}
