package io.sello.web;

import io.sello.support.Fixtures;
import io.sello.support.SlowTest;
import org.awaitility.Awaitility;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's database goes away and comes back. The DataSource every component uses (registry,
 * health, JobRunr) is wrapped so that, while "down", getting a connection fails as Hikari fails when the
 * server is gone. scripts/fault-database.sh shows the same with a real PostgreSQL stopped and started.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sello.batches.job-server-check-interval=500ms")
@SlowTest
class DatabaseOutageTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    BackgroundJobServer jobServer;

    @TestConfiguration
    static class FailingDatabase {
        @Bean
        static BeanPostProcessor switchableDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource real && !(bean instanceof Switchable)
                            ? new Switchable(real)
                            : bean;
                }
            };
        }
    }

    /** A DataSource that can be taken down: then every connection request fails at once. */
    static final class Switchable extends DelegatingDataSource {
        volatile boolean down;

        Switchable(DataSource real) {
            super(real);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 2000ms");
            }
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    private Switchable database() {
        return (Switchable) dataSource;
    }

    @AfterEach
    void databaseBack() {
        database().down = false;
    }

    private HttpResponse<String> send(String method, String path, String user, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header("Authorization", HttpApiTest.basic(user, user + "-dev"));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> render() throws Exception {
        return send("POST", "/api/v1/documents/poa-execution-form", "ana", Fixtures.seedExample());
    }

    private static void assertDatabaseUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("/problems/database-unavailable");
        assertThat(problem.get("status").intValue()).isEqualTo(503);
        assertThat(problem.get("detail").stringValue()).contains("database").contains("retry");
        // nothing internal: no pool, driver, SQL, exception or stack frame
        assertThat(response.body())
                .doesNotContainIgnoringCase("hikari")
                .doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("jdbc")
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("\tat ", "io.sello");
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }

    @Test
    void withoutItsDatabaseTheServiceIsNotReadyAndSays503ThenRecovers() throws Exception {
        assertThat(send("GET", "/actuator/health/readiness", null, null).statusCode())
                .isEqualTo(200);
        assertThat(render().statusCode()).isEqualTo(200);

        database().down = true;
        HttpResponse<String> readiness = send("GET", "/actuator/health/readiness", null, null);
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("DOWN");
        assertThat(send("GET", "/actuator/health/liveness", null, null).statusCode())
                .isEqualTo(200);
        assertDatabaseUnavailable(send("GET", "/api/v1/documents", "ana", null)); // a plain query
        assertDatabaseUnavailable(render()); // rendered, then the audit insert fails
        assertDatabaseUnavailable(send(
                "POST",
                "/api/v1/batches",
                "ana", // a transaction that cannot begin
                "{\"type\": \"poa-execution-form\", \"items\": [{\"document\": {}}]}"
                        .getBytes(StandardCharsets.UTF_8)));
        // who may do what is decided without the database
        assertThat(send("GET", "/api/v1/documents", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/audit", "ana", null).statusCode()).isEqualTo(403);
        // JobRunr's open-source server stops itself at its first failed heartbeat
        await("JobRunr's job server stopped by the outage", () -> !jobServer.isRunning());

        database().down = false;
        assertThat(send("GET", "/actuator/health/readiness", null, null).statusCode())
                .isEqualTo(200);
        assertThat(render().statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/documents", "ana", null).statusCode()).isEqualTo(200);
        // JobServerWatchdog starts it again
        await("JobRunr's job server running again", jobServer::isRunning);
    }
}
