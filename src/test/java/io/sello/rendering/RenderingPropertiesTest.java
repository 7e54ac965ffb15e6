package io.sello.rendering;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenderingPropertiesTest {

    @Test
    void defaultsAreSpanishBoliviaInLaPaz() {
        RenderingProperties defaults = RenderingProperties.defaults();
        assertThat(defaults.reportLocale()).isEqualTo(Locale.forLanguageTag("es-BO"));
        assertThat(defaults.reportTimeZone()).isEqualTo(ZoneId.of("America/La_Paz"));
    }

    @Test
    void largeDocumentsSwapToTheTemporaryDirectoryByDefault() {
        RenderingProperties defaults = RenderingProperties.defaults();
        assertThat(defaults.virtualizeFromRows()).isEqualTo(RenderingProperties.DEFAULT_VIRTUALIZE_FROM_ROWS);
        assertThat(defaults.virtualizerPages()).isEqualTo(RenderingProperties.DEFAULT_VIRTUALIZER_PAGES);
        assertThat(defaults.swapPath()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(defaults.withVirtualizeFromRows(0).virtualizeFromRows()).isZero();
        assertThat(defaults.compressionLevel()).isEqualTo(RenderingProperties.DEFAULT_COMPRESSION_LEVEL);
    }

    @Test
    void badValuesNameThePropertyKey(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> properties("es_BO!", null, null, null, null, null))
                .hasMessageStartingWith("sello.rendering.locale");
        assertThatThrownBy(() -> properties(null, "Mars/Olympus", null, null, null, null))
                .hasMessageStartingWith("sello.rendering.time-zone");
        assertThatThrownBy(() -> properties(null, null, " ", null, null, null))
                .hasMessageStartingWith("sello.rendering.font-family");
        assertThatThrownBy(() -> properties(null, null, null, -1, null, null))
                .hasMessageStartingWith("sello.rendering.virtualize-from-rows");
        assertThatThrownBy(() -> properties(null, null, null, null, 1, null))
                .hasMessageStartingWith("sello.rendering.virtualizer-pages");
        assertThatThrownBy(() -> RenderingProperties.defaults().withCompressionLevel(10))
                .hasMessageStartingWith("sello.rendering.compression-level");
        assertThatThrownBy(() -> RenderingProperties.defaults().withCompressionLevel(-1))
                .hasMessageStartingWith("sello.rendering.compression-level");
        Path file = Files.createFile(dir.resolve("not-a-folder"));
        assertThatThrownBy(() -> properties(null, null, null, null, null, file.toString()))
                .hasMessageStartingWith("sello.rendering.swap-directory");
        assertThatThrownBy(() -> properties(
                        null, null, null, null, null, dir.resolve("missing").toString()))
                .hasMessageStartingWith("sello.rendering.swap-directory");
        assertThat(properties(null, null, null, 0, 2, dir.toString()).swapPath())
                .isEqualTo(dir);
    }

    private static RenderingProperties properties(
            String locale, String timeZone, String fontFamily, Integer fromRows, Integer pages, String swap) {
        return new RenderingProperties(locale, timeZone, fontFamily, fromRows, pages, swap, null, null);
    }
}
