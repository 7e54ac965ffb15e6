package io.sello.bench;

import io.sello.amendment.AgreementAmendmentType;
import io.sello.document.DocumentType;
import io.sello.document.RenderOptions;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.RenderingProperties;
import io.sello.rendering.TemplateId;
import io.sello.rendering.html.HtmlDocumentRenderer;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The amendment of seed 003 (2 pages) through the HTML engine (docs/benchmarks.md):
 * {@code layout}: Flying Saucer layout + PDF of the same XHTML; {@code engine}: FreeMarker + layout
 * from the same prepared request; {@code service}: JSON bytes → PDF bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Djava.awt.headless=true", "-Xms1g", "-Xmx1g"})
public class AmendmentRenderBenchmark {
    private static final TemplateId TEMPLATE = new TemplateId("agreement-amendment");
    private HtmlDocumentRenderer html;
    private DocumentType amendment;
    private byte[] json;
    private RenderRequest prepared;
    private String xhtml;

    @Setup
    public void setUp() throws IOException {
        html = new HtmlDocumentRenderer(RenderingProperties.defaults());
        json = Files.readAllBytes(Path.of("examples/agreement-amendment/pcc-peru-2008.json"));
        RenderRequest[] captured = new RenderRequest[1];
        new AgreementAmendmentType(new DocumentRenderer() {
            @Override
            public void prepare(TemplateId template) {
                html.prepare(template);
            }

            @Override
            public byte[] render(RenderRequest request) {
                captured[0] = request;
                return new byte[0];
            }
        }).render(json, RenderOptions.STRICT);
        prepared = captured[0];
        xhtml = html.toXhtml(prepared);
        amendment = new AgreementAmendmentType(html);
    }

    @Benchmark
    public byte[] layout() {
        return html.toPdf(xhtml, TEMPLATE);
    }

    @Benchmark
    public byte[] engine() {
        return html.render(prepared);
    }

    @Benchmark
    public byte[] service() {
        return amendment.render(json, RenderOptions.STRICT).pdf();
    }
}
