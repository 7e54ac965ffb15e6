package io.sello;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sello.batch.BatchProperties;
import io.sello.batch.BatchService;
import io.sello.batch.BatchWorker;
import io.sello.batch.ServicePorts;
import io.sello.batch.WebhookSender;
import io.sello.storage.BatchStore;
import org.jobrunr.scheduling.JobScheduler;

import io.sello.signing.PdfSigner;
import io.sello.signing.SigningKeys;
import io.sello.signing.SigningProperties;
import io.sello.signing.VerificationStamp;
import io.sello.signoff.DocumentStore;
import io.sello.signoff.SignOffService;
import io.sello.signoff.Verification;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.StorageProperties;
import io.sello.input.LimitsProperties;
import io.sello.web.OidcProperties;
import io.sello.web.SecurityProperties;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.ZoneId;

import io.sello.document.DocumentTypes;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.RenderingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SelloConfiguration {

    @Bean
    DocumentRenderer jasperRenderer(RenderingProperties settings) {
        return Sello.jasperRenderer(settings);
    }

    @Bean
    DocumentRenderer htmlRenderer(RenderingProperties settings) {
        return Sello.htmlRenderer(settings);
    }

    /** The verification page's templates, in the rendering locale and time zone (issue 15, point 5). */
    @Bean
    io.sello.rendering.PageTemplates pageTemplates(RenderingProperties settings) {
        return new io.sello.rendering.html.HtmlPageTemplates(settings.reportLocale(),
                java.util.TimeZone.getTimeZone(ZoneId.of(settings.timeZone())));
    }

    @Bean
    DocumentTypes documentTypes(DocumentRenderer jasperRenderer, DocumentRenderer htmlRenderer, DocumentTypesProperties catalogue) {
        return Sello.documentTypes(new io.sello.rendering.Engines(jasperRenderer, htmlRenderer), catalogue.packages());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DocumentRegistry documentRegistry(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        return new DocumentRegistry(jdbc, transactions, clock);
    }

    /** In the prod profile, development passwords, keys and keystores stop the start, as does an identity provider over http. */
    @Bean
    SigningKeys signingKeys(SigningProperties signing, SecurityProperties security, BatchProperties batches,
                            OidcProperties oidc, Environment environment) {
        boolean production = environment.matchesProfiles("prod");
        if (production && !security.developmentDefaultsInUse().isEmpty()) {
            throw new IllegalStateException("the prod profile refuses development credentials still in place: "
                    + String.join(", ", security.developmentDefaultsInUse()));
        }
        if (production && SigningProperties.DEVELOPMENT_PASSWORD.equals(signing.password())) {
            throw new IllegalStateException("the prod profile refuses the development sello.signing.password");
        }
        if (production && BatchProperties.DEVELOPMENT_SECRET.equals(batches.webhookSecret())) {
            throw new IllegalStateException("the prod profile refuses the development sello.batches.webhook-secret");
        }
        if (production && batches.productionRefusal() != null) {
            throw new IllegalStateException(batches.productionRefusal());
        }
        if (production && oidc.productionRefusal() != null) {
            throw new IllegalStateException(oidc.productionRefusal());
        }
        return new SigningKeys(signing, !production);
    }

    @Bean
    io.sello.draft.Drafts drafts(JdbcClient jdbc, Clock clock, DocumentRegistry registry) {
        return new io.sello.draft.Drafts(new io.sello.storage.DraftTable(jdbc, clock), registry);
    }

    @Bean
    DocumentStore documentStore(DocumentRegistry registry, StorageProperties storage, io.sello.storage.TemplateArchive templates) {
        return new DocumentStore(registry, new VerificationStamp(), storage, templates);
    }

    /** Each template version's files, kept the first time a document is stored with it (issue 18, point 3). */
    @Bean
    io.sello.storage.TemplateArchive templateArchive(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        return new io.sello.storage.TemplateArchive(jdbc, transactions, clock);
    }

    /** Today's template files: the jar. A test replaces it (@Primary) with a changed copy, to stand for a later release. */
    @Bean
    io.sello.rendering.TemplateSource currentTemplates() {
        return io.sello.rendering.TemplateSource.CLASSPATH;
    }

    @Bean
    SignOffService signOffService(DocumentRegistry registry, SigningKeys keys, RenderingProperties rendering,
                                  io.sello.signing.PdfVerifier verifier, io.sello.signoff.SignOffProperties signOff,
                                  io.sello.signing.SignatureAugmentation augmentation) {
        return new SignOffService(registry, new PdfSigner(ZoneId.of(rendering.timeZone())), keys, signOff, verifier, augmentation);
    }

    /** Every sign-off taken to sello.signing.level (issue 16, point 3); checked at start-up: a TSA from B-T up. */
    @Bean
    io.sello.signing.SignatureAugmentation signatureAugmentation(SigningProperties signing, io.sello.signing.TrustValidator trust) {
        return io.sello.signing.SignatureAugmentation.of(signing, trust);
    }

    /**
     * EU DSS with the deployment's trust anchors; reads the roots folder once, at start-up (issue 16, point 2).
     * Validates at the service clock's time.
     */
    @Bean
    io.sello.signing.TrustValidator trustValidator(io.sello.signing.TrustProperties trust, Clock clock) {
        return new io.sello.signing.TrustValidator(trust).validatingAt(clock);
    }

    /** One verifier, with the deployment's limits and trust anchors, for the verification pages and uploaded sign-offs alike. */
    @Bean
    io.sello.signing.PdfVerifier pdfVerifier(io.sello.signing.PdfLimits pdfLimits, io.sello.signing.TrustValidator trust) {
        return new io.sello.signing.PdfVerifier(pdfLimits, trust);
    }

    @Bean
    Verification verification(DocumentRegistry registry, MeterRegistry meters, io.sello.signing.PdfVerifier verifier) {
        return new Verification(registry, meters, verifier);
    }

    @Bean
    BatchStore batchStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        BatchStore store = new BatchStore(jdbc, transactions, clock);
        // queue depth: batch items accepted and not yet rendered, over every instance
        Gauge.builder("sello.batch.queue.depth", store, BatchStore::pending)
                .description("Batch items waiting to be rendered").register(meters);
        return store;
    }

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
    BatchWorker batchWorker(BatchStore store, DocumentTypes types, WebhookSender webhooks, JobScheduler scheduler,
                            BatchProperties properties, LimitsProperties limits, ServicePorts ports) {
        return new BatchWorker(store, types, webhooks, scheduler, properties.instanceName(),
                properties.renderTimeout(limits.renderTimeout()), ports);
    }

    /** Only where this instance runs jobs ({@code jobrunr.background-job-server.enabled}). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty("jobrunr.background-job-server.enabled")
    io.sello.batch.JobServerWatchdog jobServerWatchdog(org.jobrunr.server.BackgroundJobServer server, BatchStore store,
            @org.springframework.beans.factory.annotation.Value("${sello.batches.job-server-check-interval:10s}") java.time.Duration interval) {
        return new io.sello.batch.JobServerWatchdog(server, store::databaseAnswers, interval);
    }

    @Bean
    BatchService batchService(BatchStore store, DocumentTypes types, JobScheduler scheduler, BatchProperties properties,
                              ServicePorts ports) {
        return new BatchService(store, types, scheduler, properties, ports);
    }
}
