package io.sello.bench;

import io.sello.Sello;
import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.RenderOptions;
import io.sello.rendering.RenderingProperties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Documents per second with one and with two request threads sharing one set of document types, as the
 * service shares them (docs/benchmarks.md). JMH sums the threads' throughput, so the target of issue #7
 * reads directly: {@code formTwoThreads} ≥ 1.7 × {@code formOneThread}. The machine has 2 cores, which is
 * why 2 threads is the case that matters: more threads than cores measure the scheduler.
 * <p>
 * The warm-up is long on purpose: C2 keeps compiling JasperReports, OpenPDF and Flying Saucer for about
 * 45 s of a core's time. One thread lends it the idle second core and is steady after 30 s; two threads
 * leave it a third of a core and reach their steady rate only after 80–90 s (docs/benchmarks.md). A short
 * warm-up therefore measures the JIT, not the renderer, and understates two threads by a third.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 25, time = 4)
@Measurement(iterations = 8, time = 4)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Djava.awt.headless=true", "-Xms1g", "-Xmx1g"})
public class ThroughputBenchmark {
    private DocumentType form;
    private DocumentType plan;
    private byte[] formJson;
    private byte[] planJson;

    @Setup
    public void setUp() throws IOException {
        DocumentTypes types = Sello.documentTypes(RenderingProperties.defaults());
        form = types.find("poa-execution-form").orElseThrow();
        plan = types.find("operational-plan").orElseThrow();
        formJson = Files.readAllBytes(Path.of("examples/poa-execution-form/senavex-2020-julio.json"));
        planJson = Files.readAllBytes(Path.of("examples/operational-plan/pcc-plan-operativo-2008.json"));
    }

    /** Formulario N.5.B of seed 000 (4 pages, JasperReports), the service path: JSON bytes to PDF bytes. */
    @Benchmark
    @Threads(1)
    public byte[] formOneThread() {
        return form.render(formJson, RenderOptions.STRICT).content();
    }

    @Benchmark
    @Threads(2)
    public byte[] formTwoThreads() {
        return form.render(formJson, RenderOptions.STRICT).content();
    }

    /** The Plan Operativo annex of seed 003 (33 pages, Flying Saucer), for the HTML engine's scaling. */
    @Benchmark
    @Threads(1)
    public byte[] planOneThread() {
        return plan.render(planJson, RenderOptions.LENIENT).content();
    }

    @Benchmark
    @Threads(2)
    public byte[] planTwoThreads() {
        return plan.render(planJson, RenderOptions.LENIENT).content();
    }
}
