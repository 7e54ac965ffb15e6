package io.sello.storage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** The storage module wires itself (issue 18, point 4): every table the service writes goes through these beans. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    DocumentRegistry documentRegistry(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        return new DocumentRegistry(jdbc, transactions, clock);
    }

    /** Each template version's files, kept the first time a document is stored with it (issue 18, point 3). */
    @Bean
    TemplateArchive templateArchive(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        return new TemplateArchive(jdbc, transactions, clock);
    }

    /** The drafts table, which only {@code io.sello.draft.Drafts} uses. */
    @Bean
    DraftTable draftTable(JdbcClient jdbc, Clock clock) {
        return new DraftTable(jdbc, clock);
    }

    @Bean
    BatchStore batchStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        BatchStore store = new BatchStore(jdbc, transactions, clock);
        // queue depth: batch items accepted and not yet rendered, over every instance
        Gauge.builder("sello.batch.queue.depth", store, BatchStore::pending)
                .description("Batch items waiting to be rendered")
                .register(meters);
        return store;
    }
}
