package io.sello.rendering.jasper;

import io.sello.rendering.RenderRequest;
import io.sello.rendering.RenderedPdf;
import io.sello.rendering.RenderingException;
import io.sello.rendering.RenderingProperties;
import io.sello.support.LargeFormInput;
import io.sello.support.PdfDocument;
import io.sello.support.PdfLayout;
import io.sello.support.RequestRecorder;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.base.JRVirtualPrintPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Large forms fill through a swap file (sello.rendering.virtualize-from-rows). The virtualized document
 * must be the same document, page for page and anchor for anchor, and must leave nothing on disk.
 */
class VirtualizerTest {
    /** The seed's 42 activities three times: 126 rows, 11 pages, enough to swap with 2 pages in memory. */
    private static RenderRequest threeCopies;

    private static RenderRequest seed;

    @TempDir
    Path swap;

    @BeforeAll
    static void requests() throws Exception {
        threeCopies = RequestRecorder.of("poa-execution-form", LargeFormInput.json(3));
        seed = RequestRecorder.of("poa-execution-form", LargeFormInput.json(1));
    }

    @Test
    void aVirtualizedFormIsTheSameDocumentAsOneFilledInMemory() {
        RenderedPdf inMemory = renderer(Integer.MAX_VALUE).renderWithAnchors(threeCopies);
        RenderedPdf swapped = renderer(0).renderWithAnchors(threeCopies);

        PdfDocument document = PdfDocument.of(swapped.pdf());
        assertThat(document.pageCount()).isEqualTo(11);
        assertThat(document.page(11)).contains("Página 11 de 11").contains("TOTAL GENERAL");
        // Every text run at the same place on the same page: same page breaks, same page numbers.
        assertThat(PdfLayout.of(swapped.pdf())).isEqualTo(PdfLayout.of(inMemory.pdf()));
        // The FIRMA cells that sign-off places signatures in are found on a swapped document too.
        assertThat(swapped.anchors()).isNotEmpty().isEqualTo(inMemory.anchors());
        assertThat(swapped.anchors())
                .allSatisfy(anchor -> assertThat(anchor.page()).isEqualTo(11));
        assertThat(swap).isEmptyDirectory();
    }

    @Test
    void pagesReallyWaitInTheSwapFileWhichIsDeletedAfterTheRender() throws Exception {
        JasperDocumentRenderer renderer = renderer(0);
        Path folder;
        try (JasperDocumentRenderer.Filled filled = renderer.fill(threeCopies, true)) {
            folder = filled.swap().folder();
            assertThat(folder.getParent()).isEqualTo(swap);
            List<JRPrintPage> pages = filled.print().getPages();
            assertThat(pages).hasSize(11).allSatisfy(page -> assertThat(page).isInstanceOf(JRVirtualPrintPage.class));
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> swapFiles = files.toList();
                assertThat(swapFiles).hasSize(1);
                // 11 pages, 2 kept in memory: at least 9 were written out.
                assertThat(Files.size(swapFiles.get(0))).isGreaterThan(9 * 4096L);
            }
        }
        assertThat(folder).doesNotExist();
        assertThat(swap).isEmptyDirectory();
    }

    @Test
    void theThresholdDecidesWhichDocumentsSwap() throws Exception {
        JasperDocumentRenderer renderer = renderer(100);
        // Without its swap folder a virtualized render fails, so the outcome shows which path each took.
        Files.delete(swap);
        assertThat(PdfDocument.of(renderer.render(seed)).pageCount()).isEqualTo(4);
        assertThatThrownBy(() -> renderer.render(threeCopies))
                .isInstanceOf(RenderingException.class)
                .hasMessageContaining("no swap space");
    }

    @Test
    void aFailedFillLeavesNoSwapFile() {
        Map<String, Object> broken = new HashMap<>(threeCopies.rows().get(0));
        broken.put("budgetLines", "not a list of budget lines");
        List<Map<String, Object>> rows = new ArrayList<>(threeCopies.rows());
        rows.set(60, broken);
        RenderRequest request =
                new RenderRequest(threeCopies.template(), threeCopies.title(), threeCopies.parameters(), rows);

        assertThatThrownBy(() -> renderer(0).render(request))
                .isInstanceOf(RenderingException.class)
                .hasMessageContaining("could not be filled");
        assertThat(swap).isEmptyDirectory();
    }

    private JasperDocumentRenderer renderer(int virtualizeFromRows) {
        return new JasperDocumentRenderer(
                new RenderingProperties(null, null, null, virtualizeFromRows, 2, swap.toString(), null, null));
    }
}
