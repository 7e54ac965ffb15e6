package io.sello.rendering.html;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.core.XHTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.TemplateExceptionHandler;

import java.util.Locale;
import java.util.TimeZone;

/**
 * FreeMarker set up for trusted templates and untrusted data: XHTML output with auto-escaping,
 * no {@code ?new} of any class, no {@code ?api}, a wrapper that exposes only plain values (no
 * methods of Java objects), and a loader that sees nothing but {@code report-templates/}.
 */
final class SafeTemplates {
    private SafeTemplates() {}

    static Configuration configuration(Locale locale, TimeZone timeZone) {
        return configuration(
                locale, timeZone, new ClassTemplateLoader(SafeTemplates.class.getClassLoader(), "report-templates"));
    }

    /** The same settings over another loader: a kept template version's files ({@link StoredTemplateLoader}). */
    static Configuration configuration(Locale locale, TimeZone timeZone, TemplateLoader loader) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(loader);
        configuration.setOutputFormat(XHTMLOutputFormat.INSTANCE);
        configuration.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setLocale(locale);
        configuration.setTimeZone(timeZone);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        // Templates ship inside the jar and never change while the service runs.
        configuration.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        return configuration;
    }
}
