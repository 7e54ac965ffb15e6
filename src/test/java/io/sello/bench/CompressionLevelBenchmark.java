package io.sello.bench;

import io.sello.Sello;
import io.sello.document.DocumentType;
import io.sello.document.RenderOptions;
import io.sello.rendering.RenderingProperties;
import io.sello.support.Fixtures;
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

import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

/**
 * What sello.rendering.compression-level buys and costs on Formulario N.5.B (docs/benchmarks.md). The PDF's
 * size at each level is printed once per trial. {@code deflate} is the compression work alone: the form's
 * PDF written with stored streams (level 0, everything the writer would deflate) deflated at the level in
 * one go; short and CPU-bound, it stays readable when the whole render's time is lost in the machine's
 * noise. {@code service} is the whole render at that level. The default (3) was chosen from these figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Djava.awt.headless=true", "-Xms1g", "-Xmx1g"})
public class CompressionLevelBenchmark {
    @Param({"1", "3", "6", "9"})
    public int level;

    private DocumentType form;
    private byte[] json;
    private byte[] stored;
    private byte[] deflated;

    @Setup
    public void setUp() {
        form = Sello.documentTypes(RenderingProperties.defaults().withCompressionLevel(level))
                .find("poa-execution-form")
                .orElseThrow();
        json = Fixtures.seedExample();
        System.out.printf("%nlevel %d: %d bytes%n", level, service().length);
        stored = Sello.documentTypes(RenderingProperties.defaults().withCompressionLevel(0))
                .find("poa-execution-form")
                .orElseThrow()
                .render(json, RenderOptions.STRICT)
                .content();
        deflated = new byte[stored.length + 1024];
    }

    @Benchmark
    public int deflate() {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(stored);
            deflater.finish();
            return deflater.deflate(deflated);
        } finally {
            deflater.end();
        }
    }

    @Benchmark
    public byte[] service() {
        return form.render(json, RenderOptions.STRICT).content();
    }
}
