package io.sello.web;

import io.sello.storage.BatchStore;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * results.zip is written item by item (issue 14): each PDF is read from the store only after the one
 * before has gone out to the client, so a download holds one PDF, not the archive.
 */
class ResultsArchiveTest {

    private static BatchStore.Item item(int n) {
        return new BatchStore.Item(
                n,
                "doc-" + n,
                "{}",
                BatchStore.ItemStatus.DONE,
                null,
                String.format("%04d-doc.pdf", n + 1),
                1,
                "sello-1");
    }

    @Test
    void eachPdfIsOnTheWireBeforeTheNextIsRead() throws Exception {
        int size = 200_000;
        List<BatchStore.Item> items =
                IntStream.range(0, 5).mapToObj(ResultsArchiveTest::item).toList();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<Integer> writtenAtEachRead = new ArrayList<>();
        ResultsArchive.write(
                items,
                item -> {
                    writtenAtEachRead.add(wire.size());
                    byte[] pdf = new byte[size];
                    new Random(item.item()).nextBytes(pdf); // incompressible, like a PDF's compressed streams
                    return pdf;
                },
                wire);

        // when item k is read, the k items before it are already written out in full
        for (int k = 0; k < items.size(); k++) {
            assertThat(writtenAtEachRead.get(k))
                    .as("bytes on the wire when item " + k + " is read")
                    .isGreaterThanOrEqualTo(k * size);
            assertThat(writtenAtEachRead.get(k)).isLessThan(k * size + 1000 * (k + 1));
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(wire.toByteArray()))) {
            for (BatchStore.Item item : items) {
                ZipEntry entry = zip.getNextEntry();
                assertThat(entry.getName()).isEqualTo(item.fileName());
                assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
                byte[] expected = new byte[size];
                new Random(item.item()).nextBytes(expected);
                assertThat(zip.readAllBytes()).isEqualTo(expected);
            }
            assertThat(zip.getNextEntry()).isNull();
        }
    }

    @Test
    void anItemGoneSinceTheListingIsLeftOut() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ResultsArchive.write(List.of(item(0), item(1)), item -> item.item() == 0 ? null : new byte[] {1, 2, 3}, wire);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(wire.toByteArray()))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("0002-doc.pdf");
            assertThat(zip.getNextEntry()).isNull();
        }
    }
}
