package io.sello.bench;

import io.sello.Sello;
import io.sello.document.DocumentType;
import io.sello.rendering.RenderingProperties;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@link ValidateBenchmark}'s work timed by the thread's own CPU time, which the other processes of a shared machine
 * and the host's steal do not inflate as they inflate wall-clock time (docs/benchmarks.md, issue 15). Warms up, then
 * times 10 rounds of 200 validations of seed 000, each followed by writing the report as JSON, and prints the median
 * and the spread of the rounds. Run after a {@code scripts/bench.sh} build:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.sello.bench.ValidateCpuTime}
 */
public final class ValidateCpuTime {
    private ValidateCpuTime() {}

    public static void main(String[] args) throws Exception {
        // Optionally another type and example (issue 18 measured budget-summary, the first type bound to records).
        String type = args.length > 1 ? args[0] : "poa-execution-form";
        Path example = Path.of(args.length > 1 ? args[1] : "examples/poa-execution-form/senavex-2020-julio.json");
        DocumentType form =
                Sello.documentTypes(RenderingProperties.defaults()).find(type).orElseThrow();
        byte[] json = Files.readAllBytes(example);
        JsonMapper mapper = JsonMapper.builder().build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < 3000; i++) {
            sink += mapper.writeValueAsBytes(form.validate(json)).length;
        }
        int rounds = 10;
        int perRound = 200;
        double[] micros = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                sink += mapper.writeValueAsBytes(form.validate(json)).length;
            }
            micros[r] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / perRound;
        }
        Arrays.sort(micros);
        System.out.printf(
                "validate + JSON of " + example.getFileName()
                        + ", thread CPU per operation: median %.0f µs, min %.0f µs, max %.0f µs"
                        + " (%d rounds of %d; %d bytes per answer)%n",
                (micros[4] + micros[5]) / 2,
                micros[0],
                micros[rounds - 1],
                rounds,
                perRound,
                mapper.writeValueAsBytes(form.validate(json)).length);
        if (sink == 42) {
            System.out.println();
        }
    }
}
