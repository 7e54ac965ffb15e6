package io.sello.web;

import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.Hashes;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.Warning;
import io.sello.http.WarningHeaders;
import io.sello.input.LimitsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ready means warm (issue 19, point 1). Spring Boot reports readiness {@code ACCEPTING_TRAFFIC} only after every
 * {@link ApplicationRunner} has returned; until then {@code /actuator/health/readiness} answers 503
 * {@code OUT_OF_SERVICE} while liveness is already {@code UP}, and a load balancer or Kubernetes sends no request.
 * This runner uses that window to render each document type's own example {@code sello.warm-up.renders} times (or
 * {@code sello.warm-up.type-renders.<type id>})
 * through the path a {@code POST /api/v1/documents/{type}} takes (body limits, reading and validation,
 * computation, layout, the engine, PDF/A, the warning headers) under the {@link RenderGate}, so that classes,
 * fonts, template caches and the JIT are loaded before the first client arrives.
 *
 * <p>It calls the document types directly, not the controller: a warm-up render is not traffic, so it writes no
 * audit entry, no registry row or draft, and no {@code sello.render} or HTTP metric. The gate's own running
 * average (for Retry-After) does see them, which is what it is for.
 *
 * <p>A failure is logged and readiness still turns UP. A warm-up failure is either a render that would also fail
 * for a client (the example of every type renders in the test suite, so that is a broken build, not a reason to
 * keep an otherwise healthy instance out of rotation and turn a rolling deploy into an outage), or a slow machine
 * hitting the render timeout; both leave the instance able to serve, only not warm, and the log says which type.
 */
@Component
class WarmUp implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final DocumentTypes types;
    private final RenderGate gate;
    private final JsonBodyCheck bodies;
    private final WarmUpProperties settings;
    private final int threads;
    private final ApplicationEventPublisher events;
    private final Map<String, AtomicInteger> rendered = new ConcurrentHashMap<>();
    private final Map<String, Long> took = new ConcurrentHashMap<>();
    private final Map<String, Boolean> failed = new ConcurrentHashMap<>();

    WarmUp(
            DocumentTypes types,
            RenderGate gate,
            JsonBodyCheck bodies,
            WarmUpProperties settings,
            LimitsProperties limits,
            ApplicationEventPublisher events) {
        this.types = types;
        this.gate = gate;
        this.bodies = bodies;
        this.settings = settings;
        this.threads = limits.renderConcurrency();
        this.events = events;
    }

    /** One warm-up render done; published so that a test can look at readiness while the warm-up runs. */
    record Rendered(String type, int round) {}

    @Override
    public void run(ApplicationArguments arguments) throws InterruptedException {
        if (!settings.enabled()) {
            log.info("warm-up off (sello.warm-up.enabled=false): the first requests will be slower");
            return;
        }
        long start = System.nanoTime();
        // One job per render, round by round, taken by as many threads as the gate has render slots: the work is
        // spread evenly over the cores, instead of one thread rendering seed 003's large amendment eight times
        // while the other has finished the small types (three quarters of the warm-up, docs/benchmarks.md). No
        // request can queue behind it: none is sent before readiness.
        var pending = new ConcurrentLinkedQueue<Job>();
        int rounds = types.all().stream()
                .mapToInt(type -> settings.rendersOf(type.id().value()))
                .max()
                .orElse(0);
        for (int round = 1; round <= rounds; round++) {
            for (DocumentType type : types.all()) {
                if (round <= settings.rendersOf(type.id().value())) {
                    pending.add(new Job(type, round));
                }
            }
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "warm-up-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                for (Job job = pending.poll(); job != null; job = pending.poll()) {
                    render(job);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            log.error("warm-up still running after 10 minutes; ready without it");
        }
        for (DocumentType type : types.all()) {
            String id = type.id().value();
            if (!failed.containsKey(id)) {
                log.info(
                        "warm-up of {}: {} render(s), first {} ms, last {} ms",
                        id,
                        renders(id),
                        millis(id, 1),
                        millis(id, settings.rendersOf(id)));
            }
        }
        log.info(
                "warm-up: {} render(s) of each of {} document types ({}) in {} ms",
                settings.renders(),
                types.all().size(),
                settings.typeRenders().isEmpty() ? "no exceptions" : "except " + settings.typeRenders(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private record Job(DocumentType type, int round) {}

    private void render(Job job) {
        DocumentType type = job.type();
        String id = type.id().value();
        if (failed.containsKey(id)) {
            return;
        }
        byte[] example = type.example();
        try {
            if (job.round() == 1) {
                type.validate(bodies.check(example));
            }
            long start = System.nanoTime();
            bodies.check(example);
            // Lenient: some examples (seed 003's amendment) declare totals that differ, and print only so.
            RenderedDocument document = gate.run(() -> type.render(example, RenderOptions.LENIENT));
            // What the controller does with a rendered document besides storing the audit line: its digest and
            // warning list (the audit text, not written here), the download name and the warning headers.
            String unwritten = Hashes.sha256(document.content()) + Warning.listed(document.warnings());
            HttpHeaders headers = new HttpHeaders();
            headers.setContentDisposition(ContentDisposition.attachment()
                    .filename(document.fileName(), StandardCharsets.UTF_8)
                    .build());
            WarningHeaders.write(document.warnings(), headers);
            long nanos = System.nanoTime() - start;
            log.debug(
                    "warm-up render {} of {}: {} ms, {}",
                    job.round(),
                    id,
                    TimeUnit.NANOSECONDS.toMillis(nanos),
                    unwritten);
            took.put(id + "#" + job.round(), nanos);
            rendered.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            events.publishEvent(new Rendered(id, job.round()));
        } catch (RuntimeException e) {
            if (failed.putIfAbsent(id, Boolean.TRUE) == null) {
                log.error(
                        "warm-up of {} failed after {} render(s); ready anyway, its first request will be slower",
                        id,
                        renders(id),
                        e);
            }
        }
    }

    private long millis(String type, int round) {
        return TimeUnit.NANOSECONDS.toMillis(took.getOrDefault(type + "#" + round, 0L));
    }

    /** Warm-up renders of a type so far. */
    int renders(String type) {
        AtomicInteger count = rendered.get(type);
        return count == null ? 0 : count.get();
    }
}
