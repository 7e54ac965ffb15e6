package io.sello.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Hostile PDFs written byte by byte, so that each attack is readable here rather than hidden in a
 * binary fixture (issue 14). Every file is a plain PDF 1.7 with a classic cross-reference table unless
 * the attack is the cross-reference stream itself.
 */
public final class CraftedPdfs {
    private static final Map<Long, byte[]> ZEROS = new ConcurrentHashMap<>();

    private CraftedPdfs() {}

    /**
     * {@code fields} signature fields whose byte ranges all cover the whole file except one shared
     * hex string: every field passes the cheap checks and costs a copy of the file. Padding brings
     * the file to about {@code size} bytes, since the cost grows with fields × size.
     */
    public static byte[] manySignatureFields(int fields, int size) {
        String placeholder = "[0000000000 0000000000 0000000000 0000000000]";
        Raw pdf = new Raw();
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < fields; i++) {
            refs.append(5 + i).append(" 0 R ");
        }
        pdf.object("<< /Type /Catalog /Pages 2 0 R /AcroForm << /SigFlags 3 /Fields [" + refs + "] >> >>");
        pdf.object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [" + refs + "] >>");
        int padding = Math.max(0, size - fields * 260);
        pdf.stream("<< /Length " + padding + " >>", new byte[padding]);
        for (int i = 0; i < fields; i++) {
            pdf.object("<< /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R /FT /Sig /T (firma" + i
                    + ") /V << /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached" + " /ByteRange "
                    + placeholder + " /Contents <" + "00".repeat(32) + "> >> >>");
        }
        byte[] bytes = pdf.finish("/Root 1 0 R");
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int gapStart = text.indexOf("/Contents <") + "/Contents ".length();
        int gapEnd = text.indexOf('>', gapStart) + 1;
        String range = String.format("[%010d %010d %010d %010d]", 0, gapStart, gapEnd, bytes.length - gapEnd);
        return text.replace(placeholder, range).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A cross-reference stream filtered twice with Flate: a few kilobytes on the wire, about
     * {@code megabytes} MB once inflated, almost all of it zeros after the five real entries.
     */
    public static byte[] xrefStreamBomb(long megabytes) {
        Raw pdf = new Raw();
        pdf.object("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        return pdf.finishWithXrefStream(megabytes);
    }

    /** A page tree whose only kid is itself: 244 bytes. */
    public static byte[] selfReferencingPageTree() {
        Raw pdf = new Raw();
        pdf.object("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.object("<< /Type /Pages /Kids [2 0 R] /Count 1 >>");
        return pdf.finish("/Root 1 0 R");
    }

    /** An array in the catalog nested {@code depth} deep. */
    public static byte[] nestedArrays(int depth) {
        Raw pdf = new Raw();
        pdf.object("<< /Type /Catalog /Pages 2 0 R /Nested " + "[".repeat(depth) + "]".repeat(depth) + " >>");
        pdf.object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        return pdf.finish("/Root 1 0 R");
    }

    /** {@code objects} tiny objects; the limit counts them before anything is parsed. */
    public static byte[] manyObjects(int objects) {
        Raw pdf = new Raw();
        pdf.object("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        for (int i = 3; i < objects; i++) {
            pdf.object("0");
        }
        return pdf.finish("/Root 1 0 R");
    }

    /** A three-object PDF whose trailer declares {@code size} objects: the parser sizes its table from it. */
    public static byte[] declaredObjects(long size) {
        return new String(withCatalogExtras(""), StandardCharsets.ISO_8859_1)
                .replace("/Size 4 ", "/Size " + size + " ")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A small PDF followed by {@code updates} empty incremental updates, each one more revision. */
    public static byte[] manyRevisions(int updates) {
        byte[] base = withCatalogExtras("");
        String text = new String(base, StandardCharsets.ISO_8859_1);
        int xref = Integer.parseInt(
                text.substring(text.lastIndexOf("startxref") + 10).trim().split("\\s")[0]);
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < updates; i++) {
            int at = out.length();
            out.append("xref\n0 0\ntrailer\n<< /Size 4 /Root 1 0 R /Prev ")
                    .append(xref)
                    .append(" >>\nstartxref\n")
                    .append(at)
                    .append("\n%%EOF\n");
            xref = at;
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One page whose content inflates to {@code megabytes} MB of zeros. */
    public static byte[] inflatingPages(int pages, long megabytes) {
        Raw pdf = new Raw();
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(3 + 2 * i).append(" 0 R ");
        }
        pdf.object("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.object("<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>");
        byte[] content = zeros(megabytes);
        for (int i = 0; i < pages; i++) {
            pdf.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + (4 + 2 * i) + " 0 R >>");
            pdf.stream("<< /Length " + content.length + " /Filter /FlateDecode >>", content);
        }
        return pdf.finish("/Root 1 0 R");
    }

    /** JavaScript run on opening, in the document's name tree, and as a page's additional action. */
    public static byte[] withJavaScript() {
        return withCatalogExtras("/OpenAction << /S /JavaScript /JS (app.alert\\('hola'\\)) >>"
                + " /Names << /JavaScript << /Names [(init) << /S /JavaScript /JS (this.print\\(\\)) >>] >> >>"
                + " /AA << /WC << /S /JavaScript /JS (1) >> >>");
    }

    /** A launch action that would start a program on opening. */
    public static byte[] withLaunch() {
        return withCatalogExtras(
                "/OpenAction << /S /Launch /F (C:\\\\Windows\\\\System32\\\\cmd.exe) /NewWindow true >>");
    }

    /** An embedded Windows executable (MZ header) named like an invoice, and a file-attachment annotation. */
    public static byte[] withEmbeddedExecutable() {
        Raw pdf = new Raw();
        pdf.object("<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(factura.pdf) 5 0 R] >> >> >>");
        pdf.object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.object(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [<< /Type /Annot /Subtype /FileAttachment"
                        + " /Rect [0 0 20 20] /FS << /Type /Filespec /F (leeme.txt) >> >>] >>");
        byte[] exe = "MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode."
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] packed = deflate(exe);
        pdf.stream("<< /Type /EmbeddedFile /Length " + packed.length + " /Filter /FlateDecode >>", packed);
        pdf.object("<< /Type /Filespec /F (factura.pdf) /UF (factura.pdf) /EF << /F 4 0 R >> >>");
        return pdf.finish("/Root 1 0 R");
    }

    private static byte[] withCatalogExtras(String extras) {
        Raw pdf = new Raw();
        pdf.object("<< /Type /Catalog /Pages 2 0 R " + extras + " >>");
        pdf.object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        return pdf.finish("/Root 1 0 R");
    }

    /** {@code megabytes} MB of zeros deflated at level 9: about a thousandth of it. Cached, the 1 GB one takes seconds. */
    public static byte[] zeros(long megabytes) {
        return ZEROS.computeIfAbsent(megabytes, mb -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(9), 1 << 16)) {
                byte[] block = new byte[1 << 20];
                for (long i = 0; i < mb; i++) {
                    deflater.write(block);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    public static byte[] deflate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(9))) {
            deflater.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Numbered objects written in order, then the cross-reference section pointing at each. */
    private static final class Raw {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<Integer> offsets = new ArrayList<>();

        Raw() {
            ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        }

        void object(String body) {
            offsets.add(out.size());
            ascii(offsets.size() + " 0 obj\n" + body + "\nendobj\n");
        }

        void stream(String dictionary, byte[] data) {
            offsets.add(out.size());
            ascii(offsets.size() + " 0 obj\n" + dictionary + "\nstream\n");
            out.writeBytes(data);
            ascii("\nendstream\nendobj\n");
        }

        byte[] finish(String trailer) {
            int xref = out.size();
            StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            for (int offset : offsets) {
                table.append(String.format("%010d 00000 n \n", offset));
            }
            ascii(table + "trailer\n<< /Size " + (offsets.size() + 1) + " " + trailer + " >>\nstartxref\n" + xref
                    + "\n%%EOF\n");
            return out.toByteArray();
        }

        /** The entries (W [1 4 2]) for the objects so far and itself, then {@code megabytes} MB of zeros, Flate twice. */
        byte[] finishWithXrefStream(long megabytes) {
            int self = offsets.size() + 1;
            int at = out.size();
            ByteArrayOutputStream entries = new ByteArrayOutputStream();
            entries.writeBytes(new byte[] {0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff});
            List<Integer> all = new ArrayList<>(offsets);
            all.add(at);
            for (int offset : all) {
                entries.writeBytes(new byte[] {
                    1, (byte) (offset >>> 24), (byte) (offset >>> 16), (byte) (offset >>> 8), (byte) offset, 0, 0
                });
            }
            // One Flate layer caps at about 1:1000; the second one shrinks the first's repetitive output again.
            ByteArrayOutputStream inner = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflater = new DeflaterOutputStream(inner, new Deflater(9), 1 << 16)) {
                deflater.write(entries.toByteArray());
                byte[] block = new byte[1 << 20];
                for (long i = 0; i < megabytes; i++) {
                    deflater.write(block);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] twice = deflate(inner.toByteArray());
            offsets.add(at);
            ascii(self + " 0 obj\n<< /Type /XRef /Size " + (self + 1) + " /W [1 4 2] /Root 1 0 R /Length "
                    + twice.length + " /Filter [/FlateDecode /FlateDecode] >>\nstream\n");
            out.writeBytes(twice);
            ascii("\nendstream\nendobj\nstartxref\n" + at + "\n%%EOF\n");
            return out.toByteArray();
        }

        private void ascii(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
