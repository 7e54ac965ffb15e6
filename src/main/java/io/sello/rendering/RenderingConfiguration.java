package io.sello.rendering;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rendering module wires itself (issue 18, point 4): both engines and the template files of this release (the
 * verification page's templates are wired next to theirs, in {@code html}). {@code io.sello.Sello} builds the same
 * engines for the CLI, without Spring.
 */
@Configuration(proxyBeanMethods = false)
class RenderingConfiguration {

    @Bean
    DocumentRenderer jasperRenderer(RenderingProperties settings) {
        return Renderers.jasper(settings);
    }

    @Bean
    DocumentRenderer htmlRenderer(RenderingProperties settings) {
        return Renderers.html(settings);
    }

    /** Today's template files: the jar. A test replaces it (@Primary) with a changed copy, to stand for a later release. */
    @Bean
    TemplateSource currentTemplates() {
        return TemplateSource.CLASSPATH;
    }
}
