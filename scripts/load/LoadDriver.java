import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Load driver for scripts/load-test.sh, JDK only, run from source:
 * <pre>
 * java scripts/load/LoadDriver.java closed --url URL --body FILE [--concurrency 4] [--seconds 30] [--warmup 0] [--timeout 30]
 * java scripts/load/LoadDriver.java open   --url URL --body FILE --rate R [--seconds 45] [--max-requests 2000] [--timeout 30]
 * java scripts/load/LoadDriver.java sequential --url URL --body FILE [--count 300] [--warmup-count 100] [--timeout 30]
 * Both take [--content-type application/json] [--anonymous false] [--answers pdf|json] [--accept 422,...]:
 * uploads for verification are application/pdf, sent without the API key, answered with JSON, and may be
 * refused with the statuses listed in --accept without counting as failures (issue 14).
 * </pre>
 * POSTs the body as JSON, with the API key from the environment variable SELLO_LOAD_API_KEY when set (kept
 * off the command line). Loopback URLs only; every run is bounded in time and count.
 * <ul>
 * <li>{@code closed}: a fixed number of clients, each sending its next request when the previous one is
 * answered, for a fixed time (after an optional warm-up whose results are dropped). Its 2xx throughput is
 * the service's saturation rate.</li>
 * <li>{@code open}: requests start at a fixed rate whatever happens to the earlier ones, as independent
 * clients arrive; latency is measured from each request's scheduled start, so a stalled service cannot hide
 * its queue (no coordinated omission).</li>
 * <li>{@code sequential} (issue 19, point 4; scripts/bench-http.sh): one client on one kept-alive connection, one
 * request after the other, {@code --warmup-count} dropped then {@code --count} timed, each from the call to the
 * last byte of the answer. Prints p50/p90/p99 of the 2xx.</li>
 * </ul>
 * Prints a summary and a last line {@code RESULT key=value …}. Exit 0 when every answer was a 2xx or a 429,
 * 1 when any was something else or no answer at all (connection error, timeout), 2 on a usage error.
 */
public class LoadDriver {
    /** Statuses other than 2xx and 429 that count as answered, not failed (--accept). */
    static java.util.Set<Integer> accepted = java.util.Set.of();
    /** Whether a 2xx must be a PDF (--answers pdf) or JSON (--answers json). */
    static boolean expectPdf = true;

    record Outcome(int status, long latencyNanos, String error, boolean pdf, boolean retryAfter) {
    }

    public static void main(String[] args) throws Exception {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("LoadDriver: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0
                || !(args[0].equals("closed") || args[0].equals("open") || args[0].equals("sequential"))) {
            throw new IllegalArgumentException("usage: LoadDriver closed|open|sequential --url URL --body FILE [options]");
        }
        String mode = args[0];
        Map<String, String> options = new TreeMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        URI url = URI.create(required(options, "url"));
        // by name, without a DNS lookup: localhost, 127.x.y.z or [::1]
        String host = url.getHost();
        if (host == null || !(host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("loopback URLs only (127.0.0.1, localhost): this is a load generator");
        }
        byte[] body = Files.readAllBytes(Path.of(required(options, "body")));
        int seconds = bounded(options, "seconds", mode.equals("closed") ? 30 : 45, 1, 600);
        int timeout = bounded(options, "timeout", 30, 1, 300);
        String apiKey = Boolean.parseBoolean(options.getOrDefault("anonymous", "false")) ? null : System.getenv("SELLO_LOAD_API_KEY");
        String contentType = options.getOrDefault("content-type", "application/json");
        expectPdf = !"json".equals(options.getOrDefault("answers", "pdf"));
        if (options.containsKey("accept")) {
            accepted = java.util.Arrays.stream(options.get("accept").split(",")).map(String::trim).map(Integer::valueOf)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newCachedThreadPool(daemon())).build();
        HttpRequest.Builder template = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(timeout))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null && !apiKey.isEmpty()) {
            template.header("X-Api-Key", apiKey);
        }
        HttpRequest request = template.build();

        List<Outcome> outcomes;
        double elapsedSeconds;
        String settings;
        if (mode.equals("sequential")) {
            int count = bounded(options, "count", 300, 1, 20000);
            int warmupCount = bounded(options, "warmup-count", 100, 0, 20000);
            settings = "one client, one kept-alive connection, " + count + " requests after " + warmupCount + " dropped";
            sequential(client, request, warmupCount);
            long start = System.nanoTime();
            outcomes = sequential(client, request, count);
            elapsedSeconds = (System.nanoTime() - start) / 1e9;
        } else if (mode.equals("closed")) {
            int concurrency = bounded(options, "concurrency", 4, 1, 64);
            int warmup = bounded(options, "warmup", 0, 0, 300);
            settings = "concurrency " + concurrency + ", " + seconds + " s" + (warmup > 0 ? " after a " + warmup + " s warm-up" : "");
            if (warmup > 0) {
                closedLoop(client, request, concurrency, warmup);
            }
            long start = System.nanoTime();
            outcomes = closedLoop(client, request, concurrency, seconds);
            elapsedSeconds = (System.nanoTime() - start) / 1e9;
        } else {
            double rate = Double.parseDouble(required(options, "rate"));
            if (!(rate > 0 && rate <= 1000)) {
                throw new IllegalArgumentException("--rate must be in (0, 1000] requests/s");
            }
            int maxRequests = bounded(options, "max-requests", 2000, 1, 20000);
            long count = Math.min(maxRequests, Math.round(rate * seconds));
            settings = String.format(Locale.ROOT, "%.2f requests/s for %d s, %d requests", rate, seconds, count);
            long start = System.nanoTime();
            outcomes = openLoop(client, request, rate, count, timeout);
            elapsedSeconds = (System.nanoTime() - start) / 1e9;
        }
        return report(mode, settings, outcomes, elapsedSeconds);
    }

    /** Each of {@code concurrency} clients sends, waits for the answer, sends again, until the time is up. */
    static List<Outcome> closedLoop(HttpClient client, HttpRequest request, int concurrency, int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency, daemon());
        for (int i = 0; i < concurrency; i++) {
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    outcomes.add(send(client, request, start).join());
                }
            });
        }
        clients.shutdown();
        // a request started just before the end may take its whole timeout
        if (!clients.awaitTermination(seconds + request.timeout().orElseThrow().toSeconds() + 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the closed loop did not finish in time");
        }
        return new ArrayList<>(outcomes);
    }

    /**
     * One request after the other from this thread. The client's pool keeps the HTTP/1.1 connection open between
     * them, as a client system's would (Tomcat closes it after its max-keep-alive-requests, 100 by default, and the
     * next request opens a new one: that too is what a real client meets).
     */
    static List<Outcome> sequential(HttpClient client, HttpRequest request, int count) {
        List<Outcome> outcomes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            outcomes.add(send(client, request, System.nanoTime()).join());
        }
        return outcomes;
    }

    /** Request i starts at i / rate seconds, answered or not; then every answer (or timeout) is awaited. */
    static List<Outcome> openLoop(HttpClient client, HttpRequest request, double rate, long count, int timeout) throws Exception {
        List<CompletableFuture<Outcome>> pending = new ArrayList<>();
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long scheduled = start + (long) (i * 1e9 / rate);
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            pending.add(send(client, request, scheduled));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeout + 60L, TimeUnit.SECONDS);
        return pending.stream().map(CompletableFuture::join).toList();
    }

    static CompletableFuture<Outcome> send(HttpClient client, HttpRequest request, long scheduled) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            long latency = System.nanoTime() - scheduled;
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                return new Outcome(0, latency, cause.getClass().getSimpleName(), false, false);
            }
            byte[] bytes = response.body();
            boolean pdf = expectPdf ? bytes.length > 5 && new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")
                    : bytes.length > 0 && bytes[0] == '{';
            return new Outcome(response.statusCode(), latency, null, pdf, response.headers().firstValue("Retry-After").isPresent());
        });
    }

    static int report(String mode, String settings, List<Outcome> outcomes, double elapsedSeconds) {
        Map<String, Integer> byStatus = new TreeMap<>();
        List<Long> all = new ArrayList<>();
        List<Long> ok = new ArrayList<>();
        List<Long> busy = new ArrayList<>();
        int ok2xx = 0, tooMany = 0, tooManyWithRetryAfter = 0, notPdf = 0, failures = 0, refused = 0;
        for (Outcome o : outcomes) {
            String key = o.error() != null ? "no answer (" + o.error() + ")" : String.valueOf(o.status());
            byStatus.merge(key, 1, Integer::sum);
            all.add(o.latencyNanos());
            if (o.error() == null && o.status() / 100 == 2) {
                ok2xx++;
                ok.add(o.latencyNanos());
                if (!o.pdf()) {
                    notPdf++;
                }
            } else if (o.status() == 429) {
                tooMany++;
                busy.add(o.latencyNanos());
                if (o.retryAfter()) {
                    tooManyWithRetryAfter++;
                }
            } else if (o.error() == null && accepted.contains(o.status())) {
                refused++;
            } else {
                failures++;
            }
        }
        double throughput = ok2xx / elapsedSeconds;
        System.out.printf(Locale.ROOT, "%s loop: %s%n", mode, settings);
        System.out.printf(Locale.ROOT, "  requests %d in %.1f s; by status %s%n", outcomes.size(), elapsedSeconds, byStatus);
        System.out.printf(Locale.ROOT, "  2xx %d (%.2f/s, %d not %s), 429 %d (%d with Retry-After), accepted refusals %d, other or no answer %d%n",
                ok2xx, throughput, notPdf, expectPdf ? "a PDF" : "JSON", tooMany, tooManyWithRetryAfter, refused, failures);
        System.out.printf(Locale.ROOT, "  latency (ms) 2xx: p50 %s, p99 %s, max %s; 429: p50 %s, p99 %s; all answers: p50 %s, p99 %s, max %s%n",
                ms(percentile(ok, 50)), ms(percentile(ok, 99)), ms(percentile(ok, 100)), ms(percentile(busy, 50)), ms(percentile(busy, 99)),
                ms(percentile(all, 50)), ms(percentile(all, 99)), ms(percentile(all, 100)));
        if (mode.equals("sequential")) {
            System.out.printf(Locale.ROOT, "  latency (ms, to 0.01) 2xx: min %s, p50 %s, p90 %s, p99 %s, max %s%n",
                    fine(percentile(ok, 0)), fine(percentile(ok, 50)), fine(percentile(ok, 90)), fine(percentile(ok, 99)),
                    fine(percentile(ok, 100)));
        }
        System.out.printf(Locale.ROOT, "RESULT mode=%s requests=%d seconds=%.1f ok=%d throughput=%.3f status429=%d retry_after=%d refused=%d failures=%d"
                        + " not_pdf=%d p50_ok_ms=%s p99_ok_ms=%s p50_429_ms=%s p99_429_ms=%s p50_all_ms=%s p99_all_ms=%s max_all_ms=%s"
                        + " p50_ok_fine_ms=%s p90_ok_fine_ms=%s p99_ok_fine_ms=%s%n",
                mode, outcomes.size(), elapsedSeconds, ok2xx, throughput, tooMany, tooManyWithRetryAfter, refused, failures, notPdf,
                ms(percentile(ok, 50)), ms(percentile(ok, 99)), ms(percentile(busy, 50)), ms(percentile(busy, 99)),
                ms(percentile(all, 50)), ms(percentile(all, 99)), ms(percentile(all, 100)),
                fine(percentile(ok, 50)), fine(percentile(ok, 90)), fine(percentile(ok, 99)));
        return failures == 0 && notPdf == 0 ? 0 : 1;
    }

    /** Nearest-rank percentile; -1 when there is nothing to rank. */
    static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** Milliseconds to two decimals: a 30 ms render compared with a JMH score needs more than whole milliseconds. */
    static String fine(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    static String ms(long nanos) {
        return nanos < 0 ? "-" : String.valueOf(nanos / 1_000_000);
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    static int bounded(Map<String, String> options, String name, int fallback, int min, int max) {
        int value = options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + " must be in [" + min + ", " + max + "]");
        }
        return value;
    }

    static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        };
    }
}
