package io.sello.bench;

import io.sello.Sello;
import io.sello.document.DocumentType;
import io.sello.document.OutputFormat;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The budget-summary of the subproject tables of seed 003 (docs/benchmarks.md): the cost of
 * reconciling (read, compute, classify) against the cost of each output format.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Djava.awt.headless=true", "-Xms1g", "-Xmx1g"})
public class BudgetRenderBenchmark {
    private DocumentType budget;
    private byte[] json;

    @Setup
    public void setUp() throws IOException {
        budget = Sello.documentTypes(RenderingProperties.defaults())
                .find("budget-summary")
                .orElseThrow();
        json = Files.readAllBytes(Path.of("examples/budget-summary/presupuestos-detallados.json"));
    }

    /** Read, compute and reconcile the six detailed budgets: what validate does. */
    @Benchmark
    public Object reconcile() {
        return budget.validate(json);
    }

    @Benchmark
    public byte[] pdf() {
        return budget.render(json, RenderOptions.LENIENT).content();
    }

    @Benchmark
    public byte[] xlsx() {
        return budget.render(json, RenderOptions.LENIENT.as(OutputFormat.XLSX)).content();
    }

    @Benchmark
    public byte[] csv() {
        return budget.render(json, RenderOptions.LENIENT.as(OutputFormat.CSV)).content();
    }
}
