package io.sello.bench;

import io.sello.Sello;
import io.sello.document.DocumentType;
import io.sello.document.RenderOptions;
import io.sello.rendering.RenderingProperties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What sello.rendering.compression-level buys and costs on Formulario N.5.B (docs/benchmarks.md): the
 * service path at each deflate level; the PDF's size at that level is printed once per trial. The default
 * (3) was chosen from these figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Djava.awt.headless=true", "-Xms1g", "-Xmx1g"})
public class CompressionLevelBenchmark {
    @Param({"1", "3", "6", "9"})
    public int level;

    private DocumentType form;
    private byte[] json;

    @Setup
    public void setUp() throws IOException {
        form = Sello.documentTypes(RenderingProperties.defaults().withCompressionLevel(level))
                .find("poa-execution-form").orElseThrow();
        json = Files.readAllBytes(Path.of("examples/poa-execution-form/senavex-2020-julio.json"));
        System.out.printf("%nlevel %d: %d bytes%n", level, service().length);
    }

    @Benchmark
    public byte[] service() {
        return form.render(json, RenderOptions.STRICT).content();
    }
}
