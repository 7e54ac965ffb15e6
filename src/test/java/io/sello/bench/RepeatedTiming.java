package io.sello.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The repeated-timing loop of the benchmark mains that are not JMH ({@link TrustVerifyTiming}, {@link LtaVerifyTiming},
 * {@link LevelTiming}): warm-up runs, then timed runs in one JVM, and one line with the median, p90 and minimum of the
 * wall time, and the median of the timing thread's CPU time (ThreadMXBean): on a shared machine the wall time also
 * counts the time other processes held the cores, the CPU time only this run's own work (not GC or JIT threads).
 */
final class RepeatedTiming {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RepeatedTiming() {}

    static void report(String what, int warmup, int runs, Runnable task) {
        for (int i = 0; i < warmup; i++) {
            task.run();
        }
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long startCpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - startCpu) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf(
                "%-52s median %6.1f ms  p90 %6.1f ms  min %6.1f ms  cpu median %6.1f ms  (%d runs after %d warm-up; load %.2f)%n",
                what,
                ms[runs / 2],
                ms[(int) (runs * 0.9)],
                ms[0],
                cpu[runs / 2],
                runs,
                warmup,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
