package io.sello.bench;

import io.sello.document.DocumentType;
import io.sello.document.RenderOptions;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.RenderingProperties;
import io.sello.rendering.TemplateId;
import io.sello.rendering.html.HtmlDocumentRenderer;
import io.sello.support.Fixtures;
import io.sello.support.RequestRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Plan Operativo annex of seed 003 (33 pages) through the HTML engine (docs/benchmarks.md):
 * {@code layout}: raw Flying Saucer layout + PDF of the same XHTML; {@code service}: JSON bytes →
 * validated plan → XHTML → PDF bytes. Target: service ≤ 1.10 × layout.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 8, time = 3)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Djava.awt.headless=true", "-Xms2g", "-Xmx2g"})
public class AnnexRenderBenchmark {
    private static final TemplateId TEMPLATE = new TemplateId("operational-plan");
    private HtmlDocumentRenderer html;
    private DocumentType plan;
    private byte[] json;
    private String xhtml;
    private DocumentType planToXhtml;

    @Setup
    public void setUp() throws IOException {
        html = new HtmlDocumentRenderer(RenderingProperties.defaults());
        json = Files.readAllBytes(Path.of("examples/operational-plan/pcc-plan-operativo-2008.json"));
        RequestRecorder recorder = new RequestRecorder();
        Fixtures.type("operational-plan", recorder).render(json, RenderOptions.LENIENT);
        xhtml = html.toXhtml(recorder.last());
        plan = Fixtures.type("operational-plan", html);
        planToXhtml = Fixtures.type("operational-plan", new DocumentRenderer() {
            @Override
            public void prepare(TemplateId template) {
                html.prepare(template);
            }

            @Override
            public byte[] render(List<RenderRequest> parts) {
                return html.toXhtml(parts.get(0)).getBytes(StandardCharsets.UTF_8);
            }
        });
    }

    @Benchmark
    public byte[] layout() {
        return html.toPdf(xhtml, TEMPLATE);
    }

    /** service − layout on its own: JSON → validated plan → XHTML (FreeMarker), without Flying Saucer. */
    @Benchmark
    public byte[] serviceWithoutLayout() {
        return planToXhtml.render(json, RenderOptions.LENIENT).content();
    }

    @Benchmark
    public byte[] service() {
        return plan.render(json, RenderOptions.LENIENT).content();
    }
}
