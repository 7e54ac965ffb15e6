package io.sello.bench;

import java.util.Arrays;

/**
 * The repeated-timing loop of the benchmark mains that are not JMH ({@link TrustVerifyTiming}, {@link LtaVerifyTiming},
 * {@link LevelTiming}): warm-up runs, then timed runs in one JVM, and one line with the median, p90 and minimum.
 */
final class RepeatedTiming {
    private RepeatedTiming() {
    }

    static void report(String what, int warmup, int runs, Runnable task) {
        for (int i = 0; i < warmup; i++) {
            task.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-62s median %6.1f ms  p90 %6.1f ms  min %6.1f ms  (%d runs after %d warm-up)%n",
                what, ms[runs / 2], ms[(int) (runs * 0.9)], ms[0], runs, warmup);
    }
}
