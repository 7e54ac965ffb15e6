package io.sello.bench;

import io.sello.Sello;
import io.sello.document.DocumentType;
import io.sello.document.RenderOptions;
import io.sello.rendering.RenderingProperties;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@link FormRenderBenchmark#service} and {@link AnnexRenderBenchmark#service} timed by the render thread's own CPU
 * time, which other processes on a shared machine and the host's steal do not inflate (docs/benchmarks.md, issue 19
 * point 3). Warms up both, then alternates rounds of form renders and annex renders and prints each round's median
 * and the median over rounds. Run after a {@code scripts/bench.sh} build:
 * {@code java -Xms1g -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)"
 * io.sello.bench.RenderCpuTime [rounds] [warm-up seconds]}
 */
public final class RenderCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RenderCpuTime() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmupSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Runnable[] tasks = tasks();
        Runnable formRender = tasks[0];
        Runnable planRender = tasks[1];
        long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 6; i++) {
                formRender.run();
            }
            planRender.run();
        }
        double[] formRounds = new double[rounds];
        double[] planRounds = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            formRounds[r] = median(formRender, 30);
            planRounds[r] = median(planRender, 8);
            System.out.printf(
                    "round %2d: form %6.2f ms  annex %6.2f ms (%.2f ms/page)  load %.2f%n",
                    r + 1,
                    formRounds[r],
                    planRounds[r],
                    planRounds[r] / 33,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        Arrays.sort(formRounds);
        Arrays.sort(planRounds);
        System.out.printf(
                "thread CPU, median of %d round medians: form %.2f ms (min %.2f, max %.2f)  annex %.2f ms = %.2f ms/page"
                        + " (min %.2f, max %.2f)%n",
                rounds,
                formRounds[rounds / 2],
                formRounds[0],
                formRounds[rounds - 1],
                planRounds[rounds / 2],
                planRounds[rounds / 2] / 33,
                planRounds[0],
                planRounds[rounds - 1]);
    }

    /**
     * The two service renders: seed 000's Formulario N.5.B and seed 003's Plan Operativo annex. Public for
     * {@link AbRenderCpuTime}, which calls it in each build's class loader.
     */
    public static Runnable[] tasks() throws IOException {
        var types = Sello.documentTypes(RenderingProperties.defaults());
        DocumentType form = types.find("poa-execution-form").orElseThrow();
        DocumentType plan = types.find("operational-plan").orElseThrow();
        byte[] formJson = Files.readAllBytes(Path.of("examples/poa-execution-form/senavex-2020-julio.json"));
        byte[] planJson = Files.readAllBytes(Path.of("examples/operational-plan/pcc-plan-operativo-2008.json"));
        return new Runnable[] {
            () -> form.render(formJson, RenderOptions.STRICT), () -> plan.render(planJson, RenderOptions.LENIENT)
        };
    }

    /** The median thread CPU time of {@code runs} runs, in ms. */
    private static double median(Runnable task, int runs) {
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            task.run();
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(cpu);
        return cpu[runs / 2];
    }
}
