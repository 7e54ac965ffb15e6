package io.sello.bench;

import io.sello.document.DocumentType;
import io.sello.document.RenderOptions;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.RenderingProperties;
import io.sello.rendering.jasper.JasperDocumentRenderer;
import io.sello.support.Fixtures;
import io.sello.support.RequestRecorder;
import net.sf.jasperreports.engine.JasperPrint;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Formulario N.5.B for seed 000 (docs/benchmarks.md):
 * (a) {@code engine}: fill + export of the same compiled report with the same prepared data;
 * (b) {@code service}: JSON bytes → validated record → computed totals → PDF bytes.
 * Target: (b) ≤ 1.10 × (a).
 * {@code engineVirtualized} is (a) through the swap-file virtualizer, which large forms use
 * (sello.rendering.virtualize-from-rows): what it costs a form that never needs it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Djava.awt.headless=true", "-Xms1g", "-Xmx1g"})
public class FormRenderBenchmark {
    private JasperDocumentRenderer engine;
    private JasperDocumentRenderer virtualizingEngine;
    private DocumentType form;
    private byte[] json;
    private RenderRequest prepared;
    private JasperPrint filled;
    private DocumentType formWithoutEngine;

    @Setup
    public void setUp() throws IOException {
        engine = new JasperDocumentRenderer(RenderingProperties.defaults().withVirtualizeFromRows(Integer.MAX_VALUE));
        virtualizingEngine =
                new JasperDocumentRenderer(RenderingProperties.defaults().withVirtualizeFromRows(0));
        json = Files.readAllBytes(Path.of("examples/poa-execution-form/senavex-2020-julio.json"));
        // Capture the request the service hands to the engine, so (a) fills exactly the same data.
        RequestRecorder recorder = new RequestRecorder(engine);
        Fixtures.type("poa-execution-form", recorder).render(json, RenderOptions.STRICT);
        // The service makes its rows as the engine reads them; (a) gets them made, so that it is the engine alone.
        RenderRequest captured = recorder.last();
        prepared = new RenderRequest(
                captured.template(),
                captured.title(),
                captured.parameters(),
                List.copyOf(captured.rows()),
                captured.source());
        filled = engine.fill(prepared);
        formWithoutEngine = Fixtures.type("poa-execution-form", new RequestRecorder());
        form = Fixtures.type("poa-execution-form", new JasperDocumentRenderer(RenderingProperties.defaults()));
    }

    @Benchmark
    public byte[] engine() {
        return engine.render(prepared);
    }

    @Benchmark
    public byte[] engineVirtualized() {
        return virtualizingEngine.render(prepared);
    }

    /** The fill half of (a), for finding where the time goes. */
    @Benchmark
    public JasperPrint engineFill() {
        return engine.fill(prepared);
    }

    /** The export half of (a). */
    @Benchmark
    public byte[] engineExport() {
        return engine.export(filled, prepared);
    }

    @Benchmark
    public byte[] service() {
        return form.render(json, RenderOptions.STRICT).content();
    }

    /**
     * (b) − (a) on its own: everything the service does besides the engine (parse, validate, compute,
     * format). Small and steady, so it checks the ratio without the engine's run-to-run noise.
     */
    @Benchmark
    public byte[] serviceWithoutEngine() {
        return formWithoutEngine.render(json, RenderOptions.STRICT).content();
    }
}
