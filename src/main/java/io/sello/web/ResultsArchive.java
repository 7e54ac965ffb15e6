package io.sello.web;

import io.sello.storage.BatchStore;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A batch's {@code results.zip}, written item by item to the client (BatchesController#results). */
final class ResultsArchive {
    private ResultsArchive() {}

    /**
     * Reads each item's PDF through {@code content} only when its turn comes, writes it as one entry and
     * flushes it to {@code out} before the next is read: at most one PDF is held at a time.
     * Entries are STORED, not deflated: a PDF's streams are compressed already (sello.rendering.compression-level),
     * and deflating 41 MB again would cost a core seconds per download for a few percent.
     */
    static void write(List<BatchStore.Item> items, Function<BatchStore.Item, byte[]> content, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (BatchStore.Item item : items) {
            byte[] pdf = content.apply(item);
            if (pdf == null) {
                continue; // gone since the listing: nothing to write
            }
            ZipEntry entry = new ZipEntry(item.fileName());
            CRC32 crc = new CRC32();
            crc.update(pdf);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(pdf.length);
            entry.setCompressedSize(pdf.length);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(pdf);
            zip.closeEntry();
            zip.flush();
        }
        zip.finish();
        zip.flush();
    }
}
