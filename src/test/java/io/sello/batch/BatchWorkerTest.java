package io.sello.batch;

import io.sello.document.DocumentType;
import io.sello.document.DocumentTypeId;
import io.sello.document.DocumentTypes;
import io.sello.document.InvalidInputException;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.ValidationReport;
import io.sello.rendering.RenderingException;
import io.sello.storage.BatchStore;
import io.sello.storage.BatchStore.ItemStatus;
import io.sello.storage.BatchStore.WebhookState;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a batch item renders under a time limit, and an item the engine cannot render fails alone,
 * once, instead of holding a worker or being retried until its batch can never finish. Against the
 * real schema (H2 in memory) with a stand-in document type whose renders are as slow or as broken as asked.
 */
class BatchWorkerTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final AtomicInteger renders = new AtomicInteger();
    private final DriverManagerDataSource data = database();
    private final BatchStore store = new BatchStore(
            JdbcClient.create(data),
            new TransactionTemplate(new DataSourceTransactionManager(data)),
            Clock.systemUTC());
    private final BatchWorker worker = new BatchWorker(
            store, new DocumentTypes(List.of(new StandIn())), null, null, "sello-test", TIMEOUT, new ServicePorts());

    @AfterEach
    void close() {
        worker.close();
    }

    private static DriverManagerDataSource database() {
        DriverManagerDataSource data = new DriverManagerDataSource(
                "jdbc:h2:mem:batch-worker-" + System.nanoTime()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        Flyway.configure()
                .dataSource(data)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return data;
    }

    private String batch(String... documents) {
        String id = UUID.randomUUID().toString();
        List<BatchStore.NewItem> items = IntStream.range(0, documents.length)
                .mapToObj(i -> new BatchStore.NewItem("item-" + i, documents[i]))
                .toList();
        store.create(id, "stand-in", false, null, "ana", items);
        return id;
    }

    @Test
    void aSlowItemIsStoppedAtTheTimeoutAndFailsAloneWithoutARetry() throws Exception {
        String id = batch("{\"render\": \"fast\"}", "{\"render\": \"forever\"}", "{\"render\": \"fast\"}");
        worker.render(id, 0);
        long start = System.nanoTime();
        worker.render(id, 1);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        worker.render(id, 2);

        // the job returned soon after the timeout, and the render it waited for was interrupted, not left running
        assertThat(waited).isBetween(TIMEOUT.toMillis(), TIMEOUT.toMillis() + 2000);
        assertThat(interrupted.await(2, TimeUnit.SECONDS))
                .as("the slow render was interrupted")
                .isTrue();
        BatchStore.Batch batch = store.find(id).orElseThrow();
        assertThat(batch.items())
                .extracting(BatchStore.Item::status)
                .containsExactly(ItemStatus.DONE, ItemStatus.FAILED, ItemStatus.DONE);
        assertThat(batch.items().get(1).error())
                .isEqualTo("not rendered within 300 ms (sello.batches.render-timeout): stopped, not retried");
        assertThat(batch.items()).extracting(BatchStore.Item::worker).containsOnly("sello-test");
        assertThat(batch.webhookState()).as("the batch finished").isEqualTo(WebhookState.NOT_REQUESTED);
        // the enums are stored as the strings the columns held before them (no migration)
        JdbcClient sql = JdbcClient.create(data);
        assertThat(sql.sql("SELECT status FROM batch_items WHERE batch_id = :id ORDER BY item")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("DONE", "FAILED", "DONE");
        assertThat(sql.sql("SELECT webhook_state FROM batches WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("NOT_REQUESTED");

        // a second delivery of the same job (a JobRunr retry) finds the item finished and renders nothing
        int before = renders.get();
        worker.render(id, 1);
        assertThat(renders.get()).isEqualTo(before);
        assertThat(store.item(id, 1).orElseThrow().attempts()).isOne();
    }

    @Test
    void anEngineFailureFailsTheItemInsteadOfLeavingItsBatchUnfinished() {
        String id = batch("{\"render\": \"overflow\"}", "{\"render\": \"fast\"}");
        worker.render(id, 0);
        worker.render(id, 1);
        BatchStore.Batch batch = store.find(id).orElseThrow();
        assertThat(batch.items())
                .extracting(BatchStore.Item::status)
                .containsExactly(ItemStatus.FAILED, ItemStatus.DONE);
        assertThat(batch.items().get(0).error()).isEqualTo("could not be rendered");
        assertThat(batch.webhookState()).isEqualTo(WebhookState.NOT_REQUESTED);
    }

    @Test
    void anErrorMessageLongerThanItsColumnIsShortenedNotLost() {
        // batch_items.error is VARCHAR(1000); an error echoing a 4,000-character value used to fail the
        // UPDATE, and the job with it, until its retries ran out and the item stayed pending for ever
        String id = batch("{\"render\": \"invalid\"}");
        worker.render(id, 0);
        BatchStore.Item item = store.item(id, 0).orElseThrow();
        assertThat(item.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(item.error())
                .startsWith("1 error(s), first /title: expected at most 40 characters but got \"xxx")
                .hasSize(1000)
                .endsWith("…");
    }

    /** Renders as its input says: fast, forever (until interrupted), a stack overflow, or an error echoing 4,000 characters. */
    private final class StandIn implements DocumentType {
        @Override
        public DocumentTypeId id() {
            return new DocumentTypeId("stand-in");
        }

        @Override
        public String title() {
            return "stand-in";
        }

        @Override
        public String description() {
            return "stand-in";
        }

        @Override
        public String jsonSchema() {
            return "{}";
        }

        @Override
        public byte[] example() {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public ValidationReport validate(byte[] json) {
            return ValidationReport.ofErrors(List.of());
        }

        @Override
        public RenderedDocument render(byte[] json, RenderOptions options) {
            renders.incrementAndGet();
            String input = new String(json, StandardCharsets.UTF_8);
            if (input.contains("forever")) {
                try {
                    Thread.sleep(60_000); // the render that never ends, under test: the worker must interrupt it
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw new RenderingException("interrupted");
                }
            }
            if (input.contains("overflow")) {
                throw new StackOverflowError();
            }
            if (input.contains("invalid")) {
                throw InvalidInputException.at(
                        "/title", "expected at most 40 characters but got \"" + "x".repeat(4000) + "\"");
            }
            return RenderedDocument.pdf(
                    "%PDF-1.7 stand-in".getBytes(StandardCharsets.US_ASCII), "stand-in.pdf", List.of());
        }
    }
}
