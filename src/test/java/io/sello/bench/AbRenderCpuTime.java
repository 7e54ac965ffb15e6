package io.sello.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of the render path in one JVM, each in a class loader of its own, warmed up together and then timed in
 * alternating rounds by the render thread's CPU time (docs/benchmarks.md, issue 19 point 3). Both builds see the same
 * load, steal and JIT state at the same moment, which separate JVMs run minutes apart on a shared machine do not.
 * Each build is a worktree that has been built as {@code scripts/bench.sh} builds (target/classes, target/test-classes
 * and target/bench.classpath) and holds {@link RenderCpuTime}. Run from the repository root (the examples are read
 * from there):
 * {@code java -Xms2g -Xmx2g -cp target/test-classes io.sello.bench.AbRenderCpuTime /work/before /work/after [rounds]
 * [warm-up seconds]}
 */
public final class AbRenderCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AbRenderCpuTime() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        int warmupSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 90;
        String[] names = {"A " + args[0], "B " + args[1]};
        ClassLoader[] loaders = {loader(Path.of(args[0])), loader(Path.of(args[1]))};
        Runnable[][] tasks = new Runnable[2][];
        for (int b = 0; b < 2; b++) {
            Thread.currentThread().setContextClassLoader(loaders[b]);
            tasks[b] = (Runnable[]) loaders[b]
                    .loadClass("io.sello.bench.RenderCpuTime")
                    .getMethod("tasks")
                    .invoke(null);
        }
        long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            for (int b = 0; b < 2; b++) {
                Thread.currentThread().setContextClassLoader(loaders[b]);
                for (int i = 0; i < 6; i++) {
                    tasks[b][0].run();
                }
                tasks[b][1].run();
            }
        }
        double[][] form = new double[2][rounds];
        double[][] annex = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            // A then B in odd rounds, B then A in even ones, so neither always runs first after the other.
            for (int k = 0; k < 2; k++) {
                int b = (r + k) % 2;
                Thread.currentThread().setContextClassLoader(loaders[b]);
                form[b][r] = median(tasks[b][0], 20);
                annex[b][r] = median(tasks[b][1], 6);
            }
            System.out.printf(
                    "round %2d: form A %6.2f B %6.2f ms   annex A %6.2f B %6.2f ms   load %.2f%n",
                    r + 1,
                    form[0][r],
                    form[1][r],
                    annex[0][r],
                    annex[1][r],
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        for (int b = 0; b < 2; b++) {
            double f = medianOf(form[b]);
            double a = medianOf(annex[b]);
            System.out.printf(
                    "%s: thread CPU, median of %d round medians: form %.2f ms, annex %.2f ms = %.2f ms/page%n",
                    names[b], rounds, f, a, a / 33);
        }
        double[] formRatio = new double[rounds];
        double[] annexRatio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            formRatio[r] = form[1][r] / form[0][r];
            annexRatio[r] = annex[1][r] / annex[0][r];
        }
        System.out.printf(
                "B/A per round, median: form %.3f (min %.3f, max %.3f), annex %.3f (min %.3f, max %.3f)%n",
                medianOf(formRatio),
                Arrays.stream(formRatio).min().orElseThrow(),
                Arrays.stream(formRatio).max().orElseThrow(),
                medianOf(annexRatio),
                Arrays.stream(annexRatio).min().orElseThrow(),
                Arrays.stream(annexRatio).max().orElseThrow());
    }

    private static ClassLoader loader(Path build) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(build.resolve("target/test-classes").toUri().toURL());
        urls.add(build.resolve("target/classes").toUri().toURL());
        for (String jar :
                Files.readString(build.resolve("target/bench.classpath")).trim().split(":")) {
            urls.add(Path.of(jar).toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static double medianOf(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double median(Runnable task, int runs) {
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            task.run();
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        }
        return medianOf(cpu);
    }
}
