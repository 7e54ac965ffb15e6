package io.sello;

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

    @Bean
    DocumentTypes documentTypes(DocumentRenderer jasperRenderer, DocumentRenderer htmlRenderer) {
        return Sello.documentTypes(jasperRenderer, htmlRenderer);
    }
}
