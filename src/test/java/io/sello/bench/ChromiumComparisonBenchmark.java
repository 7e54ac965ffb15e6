package io.sello.bench;

import io.sello.document.RenderOptions;
import io.sello.rendering.RenderingProperties;
import io.sello.rendering.TemplateId;
import io.sello.rendering.html.HtmlDocumentRenderer;
import io.sello.support.Fixtures;
import io.sello.support.RequestRecorder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Flying Saucer against headless Chromium on the same XHTML (docs/benchmarks.md, issue #7): the Plan
 * Operativo annex of seed 003 as FreeMarker writes it, laid out and printed to PDF by each engine.
 * <p>
 * Chromium is warm: one browser for the whole trial, started in setup, so an operation is what a
 * print service with a browser pool would pay per document: load the XHTML from a file (CSS and fonts
 * come from Chromium's cache after the first time), wait for the fonts, {@code Page.printToPDF}
 * through chromedriver, decode the base64 answer. Flying Saucer's operation is {@code toPdf}: parse,
 * lay out, write. Both start from the same XHTML text; Chromium is told where the bundled fonts are
 * with {@code @font-face} rules, which Flying Saucer gets from its font resolver instead.
 * <p>
 * The engines do not paginate alike (Chromium has no {@code target-counter} for the index and its
 * own table pagination), so each setup prints its page count: compare time per page as well as per
 * document. Run: {@code scripts/bench.sh ChromiumComparisonBenchmark}. Needs /usr/bin/chromium and
 * /usr/bin/chromedriver (scripts/test.sh installs them).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 8, time = 3)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Djava.awt.headless=true", "-Xms1g", "-Xmx1g"})
public class ChromiumComparisonBenchmark {
    private static final TemplateId TEMPLATE = new TemplateId("operational-plan");
    private static final List<String> FACES = List.of(
            "normal normal DejaVuSansCondensed", "bold normal DejaVuSansCondensed-Bold",
            "normal italic DejaVuSansCondensed-Oblique", "bold italic DejaVuSansCondensed-BoldOblique");

    /** The annex's XHTML, made once by the service's own FreeMarker template. */
    @State(Scope.Benchmark)
    public static class Annex {
        HtmlDocumentRenderer html;
        String xhtml;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            html = new HtmlDocumentRenderer(RenderingProperties.defaults());
            byte[] json = Files.readAllBytes(Path.of("examples/operational-plan/pcc-plan-operativo-2008.json"));
            RequestRecorder recorder = new RequestRecorder();
            Fixtures.type("operational-plan", recorder).render(json, RenderOptions.LENIENT);
            xhtml = html.toXhtml(recorder.last());
        }
    }

    /** One warm headless Chromium for the trial, and the annex laid out as files it can load. */
    @State(Scope.Benchmark)
    public static class Chromium {
        ChromeDriver browser;
        Path folder;
        String url;
        Map<String, Object> print;

        @Setup(Level.Trial)
        public void start(Annex annex) throws IOException {
            folder = Files.createTempDirectory("sello-chromium-bench");
            // Same relative layout as report-templates/, so the stylesheet links resolve as they do for Flying Saucer.
            Path page = folder.resolve("operational-plan/annex.xhtml");
            Files.createDirectories(page.getParent());
            Files.createDirectories(folder.resolve("budget"));
            Files.copy(
                    Path.of("report-templates/operational-plan/operational-plan.css"),
                    folder.resolve("operational-plan/operational-plan.css"));
            Files.copy(Path.of("report-templates/budget/budget-table.css"), folder.resolve("budget/budget-table.css"));
            Files.writeString(
                    page,
                    annex.xhtml.replaceFirst("<head>", "<head><style>" + fontFaces() + "</style>"),
                    StandardCharsets.UTF_8);
            url = page.toUri().toString();

            ChromeOptions options = new ChromeOptions()
                    .setBinary("/usr/bin/chromium")
                    .addArguments(
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--allow-file-access-from-files");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            browser = new ChromeDriver(service, options);
            // The document's own @page rules (A4, margins, "Página X de Y" boxes), as Flying Saucer reads them.
            print = Map.of("preferCSSPageSize", true, "printBackground", true);
            System.out.printf(
                    "%npages: Flying Saucer %d, Chromium %d%n",
                    pages(annex.html.toPdf(annex.xhtml, TEMPLATE)), pages(printOnce(this)));
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            if (browser != null) {
                browser.quit();
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }

        private static String fontFaces() {
            StringBuilder css = new StringBuilder();
            for (String face : FACES) {
                String[] parts = face.split(" ");
                css.append("@font-face{font-family:\"Sello Sans\";font-weight:")
                        .append(parts[0])
                        .append(";font-style:")
                        .append(parts[1])
                        .append(";src:url(\"")
                        .append(Path.of("fonts", parts[2] + ".ttf")
                                .toAbsolutePath()
                                .toUri())
                        .append("\");}");
            }
            return css.toString();
        }
    }

    @Benchmark
    public byte[] flyingSaucer(Annex annex) {
        return annex.html.toPdf(annex.xhtml, TEMPLATE);
    }

    @Benchmark
    public byte[] chromium(Chromium chromium) {
        return printOnce(chromium);
    }

    private static byte[] printOnce(Chromium chromium) {
        chromium.browser.get(chromium.url);
        // The load event does not wait for web fonts: printing before they arrive would print a fallback face.
        chromium.browser.executeScript("return document.fonts.ready.then(() => document.fonts.size)");
        Map<String, Object> pdf = chromium.browser.executeCdpCommand("Page.printToPDF", chromium.print);
        return Base64.getDecoder().decode((String) pdf.get("data"));
    }

    private static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
