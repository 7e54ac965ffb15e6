package io.sello.rendering.jasper;

import io.sello.rendering.RenderingException;
import io.sello.rendering.TemplateFiles;
import io.sello.rendering.TemplateId;
import io.sello.rendering.TemplateSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.util.JRLoader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Loads each template once and keeps it. A template {@code id} lives in
 * {@code report-templates/<id>/<id>.jrxml}; the build precompiles it to {@code .jasper}. A parameter
 * {@code SUBREPORT_BUDGET_LINES} of type JasperReport would ask for {@code report-templates/<id>/budget-lines}.
 * (No template uses a subreport today: nested rows are list components, which fill in the report's own thread.)
 */
final class JasperTemplates {
    static final String SUBREPORT_PREFIX = "SUBREPORT_";
    private static final String ROOT = "report-templates/";

    private final JasperReportsContext context;
    private final Map<TemplateId, CompiledTemplate> cache = new ConcurrentHashMap<>();

    JasperTemplates(JasperReportsContext context) {
        this.context = context;
    }

    /** Kept template versions compiled from their own JRXML, by fingerprint and template; few, see {@link #get}. */
    private final Map<String, CompiledTemplate> kept = new ConcurrentHashMap<>();

    /**
     * The template of the version the caller chose ({@link TemplateFiles#rendering}), else today's. A kept version
     * whose JRXML files are today's, byte for byte, uses today's precompiled report; only one whose JRXML differs is
     * compiled, once, from its kept bytes (never from a path).
     */
    CompiledTemplate get(TemplateId id) {
        Optional<TemplateFiles> active = TemplateFiles.active();
        if (active.isEmpty() || sameAsBundled(active.get(), id)) {
            return cache.computeIfAbsent(id, this::load);
        }
        TemplateFiles files = active.get();
        if (kept.size() > 16) {
            kept.clear(); // bounded: re-rendering with old versions is rare
        }
        return kept.computeIfAbsent(
                files.fingerprint() + "/" + id.value(), key -> load(id, file -> compile(id, files, file)));
    }

    private static boolean sameAsBundled(TemplateFiles files, TemplateId id) {
        for (String path : files.paths()) {
            if (path.startsWith(ROOT + id.value() + "/") && path.endsWith(".jrxml")) {
                Optional<byte[]> bundled = TemplateSource.CLASSPATH.read(path);
                if (bundled.isEmpty() || !Arrays.equals(bundled.get(), files.bytesOf(path))) {
                    return false;
                }
            }
        }
        return true;
    }

    private JasperReport compile(TemplateId id, TemplateFiles files, String file) {
        byte[] jrxml = files.bytesOf(ROOT + id.value() + "/" + file + ".jrxml");
        if (jrxml == null) {
            throw new RenderingException("template " + id + " has no " + file + ".jrxml in its kept version");
        }
        try {
            return JasperCompileManager.getInstance(context).compile(new ByteArrayInputStream(jrxml));
        } catch (JRException | RuntimeException e) {
            throw new RenderingException("template " + id + " of a kept version could not be compiled", e);
        }
    }

    private CompiledTemplate load(TemplateId id) {
        return load(id, file -> report(id, file));
    }

    private CompiledTemplate load(TemplateId id, Function<String, JasperReport> reports) {
        JasperReport main = reports.apply(id.value());
        Map<String, JasperReport> subreports = new HashMap<>();
        for (JRParameter parameter : main.getParameters()) {
            String name = parameter.getName();
            if (name.startsWith(SUBREPORT_PREFIX) && JasperReport.class.equals(parameter.getValueClass())) {
                String file = name.substring(SUBREPORT_PREFIX.length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '-');
                subreports.put(name, reports.apply(file));
            }
        }
        return new CompiledTemplate(main, Map.copyOf(subreports));
    }

    private JasperReport report(TemplateId id, String file) {
        String base = ROOT + id.value() + "/" + file;
        try (InputStream compiled = resource(base + ".jasper")) {
            if (compiled != null) {
                return (JasperReport) JRLoader.loadObject(context, compiled);
            }
        } catch (IOException | JRException | ClassCastException e) {
            throw new RenderingException("template " + id + " could not be loaded", e);
        }
        // Not precompiled (running from an IDE without the Maven build): compile once, now.
        try (InputStream jrxml = resource(base + ".jrxml")) {
            if (jrxml == null) {
                throw new RenderingException("template " + id + " has no " + file + ".jrxml");
            }
            return JasperCompileManager.getInstance(context).compile(jrxml);
        } catch (IOException | JRException e) {
            throw new RenderingException("template " + id + " could not be compiled", e);
        }
    }

    private static InputStream resource(String path) {
        return JasperTemplates.class.getClassLoader().getResourceAsStream(path);
    }

    record CompiledTemplate(JasperReport main, Map<String, JasperReport> subreports) {}
}
