package io.sello.web;

import io.sello.SelloApplication;
import io.sello.storage.BatchStore;
import io.sello.support.SlowTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances pointed at one PostgreSQL share a batch through JobRunr without rendering anything twice,
 * and an instance killed with SIGKILL mid-batch loses nothing: another one finishes its work.
 * scripts/test.sh starts the PostgreSQL server ({@code SELLO_TEST_POSTGRES_URL}).
 */
@SlowTest
class SharedWorkTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    private static String database() {
        String url = System.getenv("SELLO_TEST_POSTGRES_URL");
        assertThat(url)
                .as("SELLO_TEST_POSTGRES_URL: run scripts/test.sh, or start one with `. scripts/postgres-for-tests.sh`")
                .isNotBlank();
        return url;
    }

    @BeforeEach
    void emptyDatabase() {
        Flyway.configure()
                .dataSource(database(), null, null)
                .cleanDisabled(false)
                .load()
                .clean();
    }

    private static String[] args(String instance, int port) {
        return new String[] {
            "--server.port=" + port,
            "--spring.datasource.url=" + database(),
            "--sello.batches.instance-name=" + instance,
            "--sello.signing.keystore=target/test-data/dev-signing.p12",
            "--logging.structured.format.console=",
            "--logging.level.root=WARN"
        };
    }

    private static ConfigurableApplicationContext start(String instance) {
        return new SpringApplicationBuilder(SelloApplication.class).run(args(instance, 0));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private String submit(int port, int count) throws Exception {
        String document = Files.readString(Path.of("examples/agreement-amendment/pcc-peru-2008.json"));
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < count; i++) {
            items.append(i == 0 ? "" : ",")
                    .append("{\"name\": \"enmienda-")
                    .append(i)
                    .append("\", \"document\": ")
                    .append(document)
                    .append("}");
        }
        HttpResponse<byte[]> accepted = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/batches"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", HttpApiTest.basic("ana", "ana-dev"))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"type\": \"agreement-amendment\", \"lenient\": true, \"items\": [" + items + "]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(accepted.statusCode())
                .as(new String(accepted.body(), StandardCharsets.UTF_8))
                .isEqualTo(202);
        return JSON.readTree(accepted.body()).get("id").stringValue();
    }

    private JsonNode progress(int port, String id) throws Exception {
        return JSON.readTree(client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/batches/" + id))
                                .header("Authorization", HttpApiTest.basic("ana", "ana-dev"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body());
    }

    private JsonNode waitUntil(int port, String id, Predicate<JsonNode> condition, int seconds) throws Exception {
        return await().atMost(Duration.ofSeconds(seconds))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> progress(port, id), condition::test);
    }

    @Test
    void twoInstancesShareABatchAndRenderEachItemOnce() throws Exception {
        try (ConfigurableApplicationContext a = start("instance-a");
                ConfigurableApplicationContext b = start("instance-b")) {
            // An instance whose workers just finished asks JobRunr for more at once; an idle one only every poll
            // (5 s). 24 items (about 6 s on one instance) could be drained by whichever polled first; 60 cannot.
            String id = submit(port(a), 60);
            JsonNode done = waitUntil(port(b), id, p -> p.get("finished").booleanValue(), 240);
            assertThat(done.get("done").intValue()).isEqualTo(60);
            List<String> log = a.getBean(BatchStore.class).workLog(id);
            assertThat(log).allSatisfy(line -> assertThat(line).startsWith("1 ")); // every item attempted exactly once
            assertThat(log).anySatisfy(line -> assertThat(line).endsWith("instance-a"));
            assertThat(log).anySatisfy(line -> assertThat(line).endsWith("instance-b"));
        }
    }

    @Test
    void aKilledInstanceLosesNoAcceptedJob() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + "/bin/java",
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                SelloApplication.class.getName()));
        command.addAll(List.of(args("doomed", port)));
        Process doomed = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/doomed-instance.log"))
                .start();
        String id;
        try {
            // until it answers at all: before that, the connection is refused
            await("the doomed instance answering")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> client.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            != null);
            id = submit(port, 60);
            waitUntil(port, id, p -> p.get("done").intValue() >= 2, 120);
        } finally {
            doomed.destroyForcibly(); // SIGKILL: no shutdown hook, jobs left half done
            doomed.waitFor();
        }
        try (ConfigurableApplicationContext survivor = start("survivor")) {
            JsonNode done = waitUntil(port(survivor), id, p -> p.get("finished").booleanValue(), 240);
            assertThat(done.get("done").intValue()).isEqualTo(60);
            List<String> log = survivor.getBean(BatchStore.class).workLog(id);
            assertThat(log).anySatisfy(line -> assertThat(line).endsWith("doomed"));
            assertThat(log).anySatisfy(line -> assertThat(line).endsWith("survivor"));
        }
    }
}
