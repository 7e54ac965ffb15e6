package io.sello.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/**
 * {@code sello.warm-up.*} (issue 19, point 1): before the service says it is ready, every document type renders
 * its own example this many times through the same path a request takes, so that the first request a client
 * system sends after a deploy or a scale-out does not pay for class loading, the engines' caches, the fonts and
 * the JIT (1.7 s for Formulario N.5.B cold, against under 0.1 s warm: issue 19).
 *
 * @param enabled whether readiness waits for the warm-up; default {@code true}. The test suite turns it off
 *                (src/test/resources/config/application.properties): most of its Spring contexts do not need it
 * @param renders renders of each type's example, 1 to {@value #MAX_RENDERS}; by default {@link #defaultRenders}:
 *                {@value #RENDERS_WITH_PROFILES} on a JVM started with an AOT cache of JDK 25 or later, whose
 *                training run's method profiles let the JIT compile the hot code sooner, else
 *                {@value #DEFAULT_RENDERS}. Chosen on the reference machine (docs/benchmarks.md, issue 19): on JDK 17
 *                with the CDS archive, 3 left the first request of seed 000 above twice the warm median, 4 just
 *                under it (1.76, 1.85), 8 at 1.4–1.5; on JDK 25 with the AOT cache, 2 gave 2.5–2.9 and 4 gave
 *                1.37–1.43. Each render of seed 003's amendment, with its 33-page annex, adds to the time to readiness
 * @param typeRenders renders of one type's example instead of {@code renders}, by type id, each 1 to
 *                {@value #MAX_RENDERS}; default none. Fewer renders of seed 003's amendment (33-page annex, three
 *                quarters of the warm-up's time) make readiness sooner but leave its own first request cold: with
 *                2, its second render still took 1.8 s against 0.8 s warm, so application.properties sets none
 *                (docs/benchmarks.md, "Time to readiness")
 */
@ConfigurationProperties("sello.warm-up")
record WarmUpProperties(Boolean enabled, Integer renders, Map<String, Integer> typeRenders) {
    public static final int DEFAULT_RENDERS = 8;
    /** The default on a JVM with an AOT cache's method profiles (JDK 25 or later, {@code -XX:AOTCache}). */
    public static final int RENDERS_WITH_PROFILES = 4;
    /** More would only delay readiness: the JIT has long settled (docs/benchmarks.md). */
    public static final int MAX_RENDERS = 1000;

    public WarmUpProperties {
        enabled = enabled == null || enabled;
        renders = renders == null
                ? defaultRenders(
                        Runtime.version().feature(),
                        ManagementFactory.getRuntimeMXBean().getInputArguments())
                : renders;
        if (renders < 1 || renders > MAX_RENDERS) {
            throw new IllegalArgumentException("sello.warm-up.renders must be between 1 and " + MAX_RENDERS + " but is "
                    + renders + " (to start without a warm-up: sello.warm-up.enabled=false)");
        }
        typeRenders = typeRenders == null ? Map.of() : Map.copyOf(typeRenders);
        typeRenders.forEach((type, count) -> {
            if (count == null || count < 1 || count > MAX_RENDERS) {
                throw new IllegalArgumentException("sello.warm-up.type-renders." + type + " must be between 1 and "
                        + MAX_RENDERS + " but is " + count);
            }
        });
    }

    /**
     * The number of renders when none is set: fewer on a JVM that starts with an AOT cache (scripts/lib/cds.sh makes
     * one on JDK 25 or later), because JDK 25's cache holds the training run's method profiles (JEP 515) and the JIT
     * compiles the render path's hot code after fewer renders. A JDK 24 cache has no profiles.
     */
    static int defaultRenders(int javaFeature, List<String> jvmArguments) {
        boolean profiles =
                javaFeature >= 25 && jvmArguments.stream().anyMatch(argument -> argument.startsWith("-XX:AOTCache="));
        return profiles ? RENDERS_WITH_PROFILES : DEFAULT_RENDERS;
    }

    /** Warm-up renders of the type with this id: its own setting, else {@code renders}. */
    int rendersOf(String type) {
        return typeRenders.getOrDefault(type, renders);
    }
}
