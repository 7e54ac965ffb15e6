package io.sello.rendering;

import io.sello.Sello;
import io.sello.document.DocumentTypes;
import io.sello.document.RenderOptions;
import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import io.sello.support.PdfLayout;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sello.rendering.compression-level reaches both engines' writers and changes only how the streams are
 * deflated: the same text at the same places, every font embedded, a different size.
 */
class CompressionLevelTest {
    private static final byte[] PLAN = Fixtures.read(Path.of("examples/operational-plan/pcc-plan-operativo-2008.json"));
    private static final Map<Integer, DocumentTypes> TYPES = new ConcurrentHashMap<>();

    @Test
    void theJasperEngineDeflatesAtTheConfiguredLevel() {
        byte[] stored = form(0);
        byte[] fast = form(1);
        byte[] smallest = form(9);

        assertThat(PdfLayout.of(stored)).isEqualTo(PdfLayout.of(smallest)).isEqualTo(PdfLayout.of(fast));
        PdfDocument.of(fast).assertEveryFontEmbedded();
        // Level 0 stores the streams: several times the size. Level 9 is smaller than level 1.
        assertThat(stored.length).isGreaterThan(3 * smallest.length);
        assertThat(fast.length).isGreaterThan(smallest.length);
    }

    @Test
    void theHtmlEngineDeflatesAtTheConfiguredLevel() {
        byte[] stored = plan(0);
        byte[] smallest = plan(9);

        assertThat(PdfDocument.of(stored).pages())
                .isEqualTo(PdfDocument.of(smallest).pages());
        PdfDocument.of(smallest).assertEveryFontEmbedded();
        assertThat(stored.length).isGreaterThan(3 * smallest.length);
    }

    private static byte[] form(int level) {
        return types(level)
                .find("poa-execution-form")
                .orElseThrow()
                .render(Fixtures.seedExample(), RenderOptions.STRICT)
                .content();
    }

    private static byte[] plan(int level) {
        return types(level)
                .find("operational-plan")
                .orElseThrow()
                .render(PLAN, RenderOptions.LENIENT)
                .content();
    }

    private static DocumentTypes types(int level) {
        return TYPES.computeIfAbsent(
                level, l -> Sello.documentTypes(RenderingProperties.defaults().withCompressionLevel(l)));
    }
}
