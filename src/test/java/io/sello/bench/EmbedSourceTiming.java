package io.sello.bench;

import io.sello.Sello;
import io.sello.document.DocumentType;
import io.sello.document.RenderOptions;
import io.sello.rendering.RenderingProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Issue 17, performance: what embedding the request's JSON (sello.rendering.embed-source) adds to a render. The same
 * documents are rendered by two sets of types, embedding on and off, interleaved run by run (on, off, off, on, …) so
 * that the load of a shared machine falls on both alike. Prints, per document, the medians and the median of the
 * paired differences as a share of the median without embedding. Repeated timing in one JVM (not JMH);
 * docs/benchmarks.md has the command and the figures.
 */
public final class EmbedSourceTiming {
    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        var with = Sello.documentTypes(RenderingProperties.defaults().withEmbedSource(true));
        var without = Sello.documentTypes(RenderingProperties.defaults().withEmbedSource(false));
        for (String[] document : List.of(
                new String[] {"poa-execution-form", "examples/poa-execution-form/senavex-2020-julio.json"},
                new String[] {"budget-summary", "examples/budget-summary/cuadro-1-programa.json"},
                new String[] {"agreement-amendment", "examples/agreement-amendment/pcc-peru-2008.json"})) {
            byte[] json = Files.readAllBytes(Path.of(document[1]));
            DocumentType on = with.find(document[0]).orElseThrow();
            DocumentType off = without.find(document[0]).orElseThrow();
            compare(
                    document[0] + " (" + json.length / 1024 + " KiB of JSON)",
                    warmup,
                    runs,
                    () -> on.render(json, RenderOptions.LENIENT),
                    () -> off.render(json, RenderOptions.LENIENT));
        }
    }

    private static void compare(String what, int warmup, int runs, Runnable on, Runnable off) {
        for (int i = 0; i < warmup; i++) {
            on.run();
            off.run();
        }
        double[] onMs = new double[runs];
        double[] offMs = new double[runs];
        double[] difference = new double[runs];
        for (int i = 0; i < runs; i++) {
            // ABBA: neither variant always runs first, right after a garbage collection the other caused
            boolean onFirst = i % 2 == 0;
            double a = time(onFirst ? on : off);
            double b = time(onFirst ? off : on);
            onMs[i] = onFirst ? a : b;
            offMs[i] = onFirst ? b : a;
            difference[i] = onMs[i] - offMs[i];
        }
        double medianOff = median(offMs);
        System.out.printf(
                "%-52s embedding on: median %6.1f ms  off: median %6.1f ms  paired difference: median %+5.2f ms (%+.1f %%)"
                        + "  min on %6.1f / off %6.1f ms  (%d pairs after %d warm-up)%n",
                what,
                median(onMs),
                medianOff,
                median(difference),
                100 * median(difference) / medianOff,
                Arrays.stream(onMs).min().orElseThrow(),
                Arrays.stream(offMs).min().orElseThrow(),
                runs,
                warmup);
    }

    private static double time(Runnable task) {
        long start = System.nanoTime();
        task.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
