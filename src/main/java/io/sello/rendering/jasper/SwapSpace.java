package io.sello.rendering.jasper;

import io.sello.rendering.RenderingException;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The swap file of one virtualized render: JasperReports keeps the last {@code pagesInMemory} pages of
 * the document in the heap and writes the others to a file, which the exporter reads back page by page.
 * Without it a 1,000-page Formulario N.5.B holds every filled page (about 100 KB each) until the PDF is
 * written, and does not fit in a 128 MB heap (docs/benchmarks.md).
 * <p>
 * Each render gets its own folder, created owner-only by {@link Files#createTempDirectory}: the swap file
 * holds the document's data in clear, and a name of JasperReports' own choosing in a shared directory
 * could be read by other accounts or collide with a concurrent render's. {@link #close()} deletes both.
 */
final class SwapSpace implements AutoCloseable {
    /** 4 KB blocks: a serialized page of the form is 20–60 KB; growing by 1 MB keeps file extensions rare. */
    private static final int BLOCK_SIZE = 4096;

    private static final int GROW_BLOCKS = 256;

    private final Path folder;
    private final JRSwapFileVirtualizer virtualizer;

    SwapSpace(JasperReportsContext context, Path root, int pagesInMemory) {
        try {
            this.folder = Files.createTempDirectory(root, "sello-swap-");
        } catch (IOException | RuntimeException e) {
            throw new RenderingException("no swap space for a large document in " + root, e);
        }
        try {
            JRSwapFile file = new JRSwapFile(context, folder.toString(), BLOCK_SIZE, GROW_BLOCKS);
            // The virtualizer owns the file: cleanup() closes and deletes it.
            this.virtualizer = new JRSwapFileVirtualizer(pagesInMemory, file, true);
        } catch (RuntimeException e) {
            deleteFolder();
            throw new RenderingException("no swap space for a large document in " + root, e);
        }
    }

    JRSwapFileVirtualizer virtualizer() {
        return virtualizer;
    }

    Path folder() {
        return folder;
    }

    /**
     * The pages are final once filled: the exporter only reads them, so a page evicted again need not be
     * written out again.
     */
    void filled() {
        virtualizer.setReadOnly(true);
    }

    @Override
    public void close() {
        try {
            virtualizer.cleanup();
        } finally {
            deleteFolder();
        }
    }

    private void deleteFolder() {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // Not worth failing a delivered document for; the folder name says what it is.
            LoggerFactory.getLogger(SwapSpace.class)
                    .warn("swap folder {} could not be deleted: {}", folder, e.toString());
        }
    }
}
