package io.sello.bench;

import io.sello.Sello;
import io.sello.document.DocumentType;
import io.sello.document.ValidationReport;
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
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Issue 15: a validate round trip for seed 000 (42 activities) takes under 30 ms of server time
 * (docs/benchmarks.md). {@code validate} is what {@code POST …/validate} asks of the document type: read,
 * repair, compute every figure, reconcile, and (since issue 15) format every computed figure as the PDF
 * prints it. {@code validateAndWrite} adds writing the report as JSON, as the controller's answer does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Djava.awt.headless=true", "-Xms1g", "-Xmx1g"})
public class ValidateBenchmark {
    private DocumentType form;
    private byte[] json;
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Setup
    public void setUp() throws IOException {
        form = Sello.documentTypes(RenderingProperties.defaults())
                .find("poa-execution-form")
                .orElseThrow();
        json = Files.readAllBytes(Path.of("examples/poa-execution-form/senavex-2020-julio.json"));
    }

    @Benchmark
    public ValidationReport validate() {
        return form.validate(json);
    }

    @Benchmark
    public byte[] validateAndWrite() {
        return mapper.writeValueAsBytes(form.validate(json));
    }
}
