package io.sello;

import io.sello.batch.BatchProperties;
import io.sello.document.DocumentTypes;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.Engines;
import io.sello.signing.SigningProperties;
import io.sello.web.OidcProperties;
import io.sello.web.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

/**
 * What belongs to the application rather than to one module: the catalogue (built as {@link Sello} builds it for the
 * CLI), the clock, and the prod profile's check over several modules' settings. Each module wires its own beans in
 * its own {@code *Configuration} (rendering, storage, signing, signoff, draft, batch; issue 18, point 4).
 */
@Configuration(proxyBeanMethods = false)
class SelloConfiguration {

    @Bean
    DocumentTypes documentTypes(
            DocumentRenderer jasperRenderer, DocumentRenderer htmlRenderer, DocumentTypesProperties catalogue) {
        return Sello.documentTypes(new Engines(jasperRenderer, htmlRenderer), catalogue.packages());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** In the prod profile, development passwords, keys and keystores stop the start, as does an identity provider over http. */
    @Bean
    ProductionProfile productionProfile(
            SigningProperties signing,
            SecurityProperties security,
            BatchProperties batches,
            OidcProperties oidc,
            Environment environment) {
        return new ProductionProfile(environment.matchesProfiles("prod"), signing, security, batches, oidc);
    }
}
