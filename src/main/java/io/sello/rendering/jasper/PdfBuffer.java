package io.sello.rendering.jasper;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where the exporter writes the PDF: a list of fixed 256 KB chunks instead of a ByteArrayOutputStream.
 * A ByteArrayOutputStream doubles and copies its array as the document grows, so a 10 MB PDF (1,000
 * pages of the form) passes through 8 MB and 16 MB arrays at once; in a small G1 heap each is a
 * humongous object that needs that many contiguous free regions, and that is where a 1,000-page render
 * ran out of memory (docs/benchmarks.md). Chunks stay below half a G1 region and are never copied
 * until {@link #toByteArray()} joins them once, at the exact size. Not thread-safe, like the exporter.
 */
final class PdfBuffer extends OutputStream {
    private static final int CHUNK = 256 * 1024;

    private final List<byte[]> full = new ArrayList<>();
    private byte[] current = new byte[16 * 1024];
    private int used;

    @Override
    public void write(int b) {
        if (used == current.length) {
            grow();
        }
        current[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        while (length > 0) {
            if (used == current.length) {
                grow();
            }
            int n = Math.min(length, current.length - used);
            System.arraycopy(bytes, offset, current, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    /** Small documents stay in one small array, which grows up to a chunk; after that, chunks are added. */
    private void grow() {
        if (current.length < CHUNK) {
            current = Arrays.copyOf(current, Math.min(CHUNK, current.length * 2));
        } else {
            full.add(current);
            current = new byte[CHUNK];
            used = 0;
        }
    }

    long size() {
        return (long) full.size() * CHUNK + used;
    }

    byte[] toByteArray() {
        long size = size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a PDF of " + size + " bytes does not fit in one array");
        }
        byte[] pdf = new byte[(int) size];
        int at = 0;
        for (byte[] chunk : full) {
            System.arraycopy(chunk, 0, pdf, at, chunk.length);
            at += chunk.length;
        }
        System.arraycopy(current, 0, pdf, at, used);
        return pdf;
    }
}
