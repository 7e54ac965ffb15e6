package io.sello.bench;

import io.sello.Sello;
import io.sello.document.DocumentType;
import io.sello.document.SchemaCheck;
import io.sello.rendering.RenderingProperties;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What enforcing the published schema at run time costs a request (issue 18, point 1): thread CPU time of
 * {@link SchemaCheck#check} on seed 000's Formulario N.5.B and on seed 003's amendment with its 33-page Plan Operativo
 * annex, the largest example. Warms up, then 10 rounds; prints the median and the spread. Run after a
 * {@code scripts/bench.sh} build:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.sello.bench.SchemaCheckTiming}
 */
public final class SchemaCheckTiming {
    private SchemaCheckTiming() {}

    public static void main(String[] args) throws Exception {
        var types = Sello.documentTypes(RenderingProperties.defaults());
        time(
                types.find("poa-execution-form").orElseThrow(),
                Path.of("examples/poa-execution-form/senavex-2020-julio.json"),
                200);
        time(
                types.find("agreement-amendment").orElseThrow(),
                Path.of("examples/agreement-amendment/pcc-peru-2008.json"),
                20);
    }

    private static void time(DocumentType type, Path example, int perRound) throws Exception {
        SchemaCheck check = new SchemaCheck(type.jsonSchema());
        byte[] json = Files.readAllBytes(example);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < perRound * 10; i++) {
            sink += check.check(json).size();
        }
        int rounds = 10;
        double[] micros = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                sink += check.check(json).size();
            }
            micros[r] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / perRound;
        }
        Arrays.sort(micros);
        System.out.printf(
                "schema check of %s (%d bytes), thread CPU per check: median %.0f µs, min %.0f µs, max %.0f µs,"
                        + " %d errors%n",
                example.getFileName(), json.length, (micros[4] + micros[5]) / 2, micros[0], micros[rounds - 1], sink);
    }
}
