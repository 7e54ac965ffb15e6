package io.sello.batch;

import io.sello.document.DocumentTypes;
import io.sello.input.LimitsProperties;
import io.sello.storage.BatchStore;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The batch module wires itself (issue 18, point 4): accepting batches, rendering their items, calling their webhooks. */
@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

    @Bean
    WebhookSender webhookSender(BatchProperties properties) {
        return new WebhookSender(properties);
    }

    @Bean
    ServicePorts servicePorts() {
        return new ServicePorts();
    }

    /** Batch items render under the interactive render timeout unless sello.batches.render-timeout says otherwise. */
    @Bean
    BatchWorker batchWorker(
            BatchStore store,
            DocumentTypes types,
            WebhookSender webhooks,
            JobScheduler scheduler,
            BatchProperties properties,
            LimitsProperties limits,
            ServicePorts ports) {
        return new BatchWorker(
                store,
                types,
                webhooks,
                scheduler,
                properties.instanceName(),
                properties.renderTimeout(limits.renderTimeout()),
                ports);
    }

    /** Only where this instance runs jobs ({@code jobrunr.background-job-server.enabled}). */
    @Bean
    @ConditionalOnBooleanProperty("jobrunr.background-job-server.enabled")
    JobServerWatchdog jobServerWatchdog(
            BackgroundJobServer server,
            BatchStore store,
            @Value("${sello.batches.job-server-check-interval:10s}") Duration interval) {
        return new JobServerWatchdog(server, store::databaseAnswers, interval);
    }

    @Bean
    BatchService batchService(
            BatchStore store,
            DocumentTypes types,
            JobScheduler scheduler,
            BatchProperties properties,
            ServicePorts ports) {
        return new BatchService(store, types, scheduler, properties, ports);
    }
}
