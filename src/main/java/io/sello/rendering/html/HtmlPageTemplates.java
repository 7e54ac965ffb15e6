package io.sello.rendering.html;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.sello.rendering.PageTemplates;
import io.sello.rendering.RenderingException;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * FreeMarker for web pages: a configuration separate from the PDF templates' ({@link SafeTemplates}), with
 * HTML output (not XHTML) and auto-escaping, and the same guards: no {@code ?new}, no {@code ?api}, plain values
 * only, and a loader that sees {@code web-templates/} and nothing else. The data shown (titles, names from stored
 * requests) is untrusted; the templates are not.
 */
final class HtmlPageTemplates implements PageTemplates {
    private final Configuration configuration;

    public HtmlPageTemplates(Locale locale, TimeZone timeZone) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setTemplateLoader(new ClassTemplateLoader(HtmlPageTemplates.class.getClassLoader(), "web-templates"));
        c.setOutputFormat(HTMLOutputFormat.INSTANCE);
        c.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        c.setRecognizeStandardFileExtensions(true);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        c.setDefaultEncoding("UTF-8");
        c.setLocale(locale);
        c.setTimeZone(timeZone);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE); // the templates ship in the jar
        this.configuration = c;
    }

    @Override
    public String render(String template, Map<String, ?> model) {
        try {
            StringWriter out = new StringWriter();
            configuration.getTemplate(template).process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new RenderingException("the page " + template + " could not be produced", e);
        }
    }
}
