package io.sello.rendering;

import io.sello.rendering.html.HtmlPageTemplates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;
import java.util.TimeZone;

/**
 * The rendering module wires itself (issue 18, point 4): both engines, the verification page's templates and the
 * template files of this release. {@code io.sello.Sello} builds the same engines for the CLI, without Spring.
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

    /** The verification page's templates, in the rendering locale and time zone (issue 15, point 5). */
    @Bean
    PageTemplates pageTemplates(RenderingProperties settings) {
        return new HtmlPageTemplates(settings.reportLocale(), TimeZone.getTimeZone(ZoneId.of(settings.timeZone())));
    }

    /** Today's template files: the jar. A test replaces it (@Primary) with a changed copy, to stand for a later release. */
    @Bean
    TemplateSource currentTemplates() {
        return TemplateSource.CLASSPATH;
    }
}
