package io.sello.bench;

import io.sello.Sello;
import io.sello.document.RenderOptions;
import io.sello.rendering.RenderingProperties;
import io.sello.support.Fixtures;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.zip.Deflater;

/**
 * The deflate work one Formulario N.5.B costs at each level, in thread CPU time (docs/benchmarks.md,
 * "PDF compression level"). Thread CPU time leaves out what the VM's host steals, which made the wall-clock
 * {@code CompressionLevelBenchmark.deflate} useless on a busy host; the levels are interleaved so that
 * what remains of the noise falls on all of them alike. Input: the form written with stored streams
 * (level 0), which is everything the writer would deflate, deflated in one go.
 * Run: {@code java -cp target/test-classes:target/classes:$(cat target/bench.classpath) io.sello.bench.DeflateCost}
 * after {@code scripts/bench.sh}'s build.
 */
public final class DeflateCost {
    private static final int[] LEVELS = {1, 3, 6, 9};
    private static final int ROUNDS = 20;
    private static final int PER_ROUND = 25;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        byte[] stored = Sello.documentTypes(RenderingProperties.defaults().withCompressionLevel(0))
                .find("poa-execution-form")
                .orElseThrow()
                .render(Fixtures.seedExample(), RenderOptions.STRICT)
                .content();
        byte[] out = new byte[stored.length + 1024];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[10];
        int[] sizes = new int[10];
        for (int round = -5; round < ROUNDS; round++) { // the first five rounds warm up and are not counted
            for (int level : LEVELS) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < PER_ROUND; i++) {
                    sizes[level] = deflate(stored, out, level);
                }
                if (round >= 0) {
                    nanos[level] += cpu.getCurrentThreadCpuTime() - start;
                }
            }
        }
        System.out.printf("form with stored streams: %d bytes%n", stored.length);
        for (int level : LEVELS) {
            System.out.printf(
                    "level %d: %.2f ms of thread CPU per form, %d bytes deflated%n",
                    level, nanos[level] / 1e6 / (ROUNDS * PER_ROUND), sizes[level]);
        }
    }

    private static int deflate(byte[] input, byte[] output, int level) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(input);
            deflater.finish();
            return deflater.deflate(output);
        } finally {
            deflater.end();
        }
    }
}
