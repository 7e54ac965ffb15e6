package io.sello.rendering;

import io.sello.document.RenderOptions;
import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * poppler's pdffonts, an independent reader, must show {@code emb yes} on every font row.
 * scripts/test.sh installs poppler-utils when it is missing.
 */
class PdffontsTest {

    @Test
    void pdffontsShowsEveryFontEmbedded(@TempDir Path dir) throws IOException, InterruptedException {
        Path pdf = dir.resolve("form.pdf");
        Files.write(
                pdf,
                Fixtures.poaForm()
                        .render(Fixtures.seedExample(), RenderOptions.STRICT)
                        .content());
        Process process;
        try {
            process = new ProcessBuilder("pdffonts", pdf.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException missing) {
            throw new AssertionError(
                    "pdffonts is not installed: run scripts/test.sh, which installs poppler-utils", missing);
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(process.exitValue()).isZero();
        List<String> fonts = lines.subList(2, lines.size());
        assertThat(fonts).isNotEmpty().allSatisfy(row -> {
            String[] columns = row.trim().split("\\s+");
            // name type… encoding emb sub uni object ID: emb is the 5th column from the end
            assertThat(columns[columns.length - 5]).as(row).isEqualTo("yes");
            assertThat(row).contains("Identity-H");
        });
    }
}
