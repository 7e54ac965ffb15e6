package io.sello.web;

import io.sello.support.Fixtures;
import io.sello.support.TrapServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.sello.web.HostileCases.Case;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 7's hostile-input suite: every case in {@link HostileCases} is sent to a running service, and
 * every case must show four things at once:
 * <ul>
 *   <li>no 5xx, and the status the case expects;</li>
 *   <li>no local file read: a canary file's content never comes back (in the body or in the text of a
 *       returned PDF), and, where the file system keeps access times, its access time does not move;</li>
 *   <li>no outbound connection: a trap server on loopback, which every URL in the cases points at in
 *       every spelling, counts zero connections;</li>
 *   <li>a bounded time: each case is cut off after 20 s.</li>
 * </ul>
 * The service runs with a 1 MB body limit so the transport cases stay small; webhooks may go to
 * {@code localhost} only, so the redirect case has a legitimate first hop.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sello.limits.max-body-size=1MB",
        "sello.batches.webhook-hosts=localhost",
        "jobrunr.background-job-server.poll-interval-in-seconds=5"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    @LocalServerPort
    int port;
    private HostileCases.Target target;
    private boolean accessTimesKept;

    @BeforeAll
    void setUp() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "hostile"));
        Path canary = dir.resolve("canary.txt");
        Files.writeString(canary, HostileCases.CANARY + "\n");
        target = new HostileCases.Target(port, canary, new TrapServer(), new TrapServer.Redirector());
        accessTimesKept = accessTimesKept(dir.resolve("probe.txt"));
        Files.setAttribute(canary, "lastAccessTime", LONG_AGO);
        target.signedForm();
    }

    /** relatime updates the access time of a file read after it was modified; noatime never does. */
    private static boolean accessTimesKept(Path probe) throws Exception {
        Files.writeString(probe, "probe");
        Files.setAttribute(probe, "lastAccessTime", LONG_AGO);
        Files.readAllBytes(probe);
        return !Files.getLastModifiedTime(probe).equals(LONG_AGO)
                && Files.readAttributes(probe, java.nio.file.attribute.BasicFileAttributes.class).lastAccessTime().compareTo(LONG_AGO) > 0;
    }

    @AfterAll
    void tearDown() {
        target.trap().close();
        target.redirector().close();
    }

    Stream<Case> cases() {
        return HostileCases.all().stream();
    }

    @Test
    void theSuiteHasAtLeastFortyCasesInEveryCategory() {
        List<Case> all = HostileCases.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all.stream().map(Case::category).distinct()).containsExactlyInAnyOrder(HostileCases.CATEGORIES);
        assertThat(all.stream().map(Case::name).distinct()).hasSameSizeAs(all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInputIsRefusedOrRenderedHarmlessly(Case hostile) throws Exception {
        int connectionsBefore = target.trap().connections();
        HostileCases.Response response = assertTimeoutPreemptively(BOUND, () -> hostile.attack().send(target),
                hostile.name() + " did not finish within " + BOUND);
        assertThat(response.status()).as(hostile.name() + ": " + response.brief()).isLessThan(500).isIn(hostile.statuses());
        assertThat(response.text()).as("the canary's content in the answer to " + hostile.name())
                .doesNotContain(HostileCases.CANARY);
        if (response.isProblem()) {
            assertThat(response.text()).as("internals in the problem detail of " + hostile.name())
                    .doesNotContain("Exception", "at io.", "at org.", "/work/", "target/", "jdbc:");
        }
        hostile.check().verify(response, target);
        assertThat(target.trap().connections()).as("connections to the trap server during " + hostile.name())
                .isEqualTo(connectionsBefore);
        if (accessTimesKept) {
            assertThat(Files.readAttributes(target.canary(), java.nio.file.attribute.BasicFileAttributes.class).lastAccessTime())
                    .as("the canary file's access time after " + hostile.name()).isEqualTo(LONG_AGO);
        }
    }

    @Test
    void theServiceStillRendersAndIsHealthy() throws Exception {
        HostileCases.Response response = target.post("/api/v1/documents/poa-execution-form",
                Fixtures.utf8(Fixtures.smallForm()), "application/json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("Capacitación en gestión pública");
        JsonNode health = target.json(target.get("/actuator/health"));
        assertThat(health.get("status").stringValue()).isEqualTo("UP");
    }
}
