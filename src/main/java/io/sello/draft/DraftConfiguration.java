package io.sello.draft;

import io.sello.storage.DocumentRegistry;
import io.sello.storage.DraftTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The drafts module wires itself (issue 18, point 4). */
@Configuration(proxyBeanMethods = false)
class DraftConfiguration {

    @Bean
    Drafts drafts(DraftTable table, DocumentRegistry registry) {
        return new Drafts(table, registry);
    }
}
