package io.sello.rendering.html;

import io.sello.rendering.PageTemplates;
import io.sello.rendering.RenderingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;
import java.util.TimeZone;

/** Wired here, next to its FreeMarker templates, so that nothing outside this package names HtmlPageTemplates. */
@Configuration(proxyBeanMethods = false)
class PageTemplatesConfiguration {

    /** The verification page's templates, in the rendering locale and time zone (issue 15, point 5). */
    @Bean
    PageTemplates pageTemplates(RenderingProperties settings) {
        return new HtmlPageTemplates(settings.reportLocale(), TimeZone.getTimeZone(ZoneId.of(settings.timeZone())));
    }
}
