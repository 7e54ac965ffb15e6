package io.sello.rendering.html;

import com.lowagie.text.pdf.BaseFont;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import io.sello.rendering.Anchor;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.RenderedPdf;
import io.sello.rendering.RenderingException;
import io.sello.rendering.RenderingProperties;
import io.sello.rendering.SourceAttachment;
import io.sello.rendering.TemplateFiles;
import io.sello.rendering.TemplateId;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PagePosition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * The HTML engine: a FreeMarker template ({@code report-templates/<id>/<id>.xhtml.ftl}) produces
 * XHTML, which Flying Saucer lays out and OpenPDF writes, with the bundled fonts embedded.
 * The template sees the request's parameters by name and its rows as {@code rows}.
 */
public final class HtmlDocumentRenderer implements DocumentRenderer {
    /** Flying Saucer's default: 20 dots per CSS pixel, 26.66 dots per point. */
    private static final float DOTS_PER_POINT = 20f * 4f / 3f;

    private static final int DOTS_PER_PIXEL = 20;
    /** Ids of the elements reported as anchors: the FIRMA cells of a signature block. */
    private static final Pattern ANCHOR_IDS = Pattern.compile("^firma-");

    private static final List<String> FACES = List.of(
            "sello/fonts/DejaVuSansCondensed.ttf", "sello/fonts/DejaVuSansCondensed-Bold.ttf",
            "sello/fonts/DejaVuSansCondensed-Oblique.ttf", "sello/fonts/DejaVuSansCondensed-BoldOblique.ttf");

    private final Configuration templates;
    /**
     * One FreeMarker configuration (and its parsed-template cache) per kept template version in use, keyed by its
     * fingerprint. Few: re-rendering with an old version is rare, and the oldest is dropped past {@value #KEPT_VERSIONS}.
     */
    private final Map<String, Configuration> keptVersions =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Configuration> eldest) {
                    return size() > KEPT_VERSIONS;
                }
            });

    private static final int KEPT_VERSIONS = 8;
    private final RenderingProperties settings;
    private final String fontFamily;
    /** The bundled faces, read once (see {@link #fonts()}). */
    private final SharedFontFaces faces;

    private final int compressionLevel;
    private final boolean embedSource;

    public HtmlDocumentRenderer(RenderingProperties settings) {
        this.templates =
                SafeTemplates.configuration(settings.reportLocale(), TimeZone.getTimeZone(settings.reportTimeZone()));
        this.settings = settings;
        this.fontFamily = settings.fontFamily();
        this.compressionLevel = settings.compressionLevel();
        this.embedSource = settings.embedSource();
        this.faces = loadFaces(); // fail at start-up, not on the first request, if a face is missing
    }

    @Override
    public void prepare(TemplateId template) {
        template(template);
    }

    @Override
    public byte[] render(List<RenderRequest> parts) {
        if (parts.size() == 1) {
            return toPdf(toXhtml(parts.get(0)), parts.get(0), embedSource, null);
        }
        List<byte[]> pdfs = new ArrayList<>();
        for (RenderRequest part : parts) {
            pdfs.add(toPdf(toXhtml(part), part, false, null));
        }
        try {
            // the first part's request is the whole document's (an amendment and its annex): its JSON goes in once
            return PdfParts.join(pdfs, parts.get(0), embedSource, compressionLevel);
        } catch (IOException | RuntimeException e) {
            throw new RenderingException("the parts of " + parts.get(0).template() + " could not be joined", e);
        }
    }

    /**
     * The PDF and the boxes of the template's anchors: the elements whose id starts with {@code firma-}, the
     * FIRMA cells of a signature block (anchor name = the id), where the registry stamps a visible signature.
     * Positions are read from the finished layout, after the PDF is written.
     */
    @Override
    public RenderedPdf renderWithAnchors(RenderRequest request) {
        List<Anchor> anchors = new ArrayList<>();
        byte[] pdf = toPdf(toXhtml(request), request, embedSource, anchors);
        return new RenderedPdf(pdf, anchors);
    }

    /** FreeMarker only; exposed for the engine benchmark and the escaping tests. */
    public String toXhtml(RenderRequest request) {
        Map<String, Object> model = new HashMap<>(request.parameters());
        model.put("rows", request.rows());
        model.put("documentTitle", request.title());
        model.put("fontFamily", fontFamily);
        StringWriter out = new StringWriter(32 * 1024);
        try {
            template(request.template()).process(model, out);
        } catch (IOException | TemplateException | RuntimeException e) {
            throw new RenderingException("template " + request.template() + " could not be filled", e);
        }
        return out.toString();
    }

    /** Flying Saucer layout and PDF output of XHTML made by a template; exposed for the engine benchmark. */
    public byte[] toPdf(String xhtml, TemplateId template) {
        return toPdf(xhtml, new RenderRequest(template, "", Map.of(), List.of()), false, null);
    }

    /**
     * @param embed   whether the request's JSON goes into this PDF ({@link SourceAttachment})
     * @param anchors when not {@code null}, receives the {@link #ANCHOR_IDS} boxes of the laid-out document
     */
    private byte[] toPdf(String xhtml, RenderRequest request, boolean embed, List<Anchor> anchors) {
        TemplateId template = request.template();
        ITextRenderer renderer = renderer(request, embed);
        try {
            renderer.setDocumentFromString(xhtml, TemplateResources.baseOf(template.value()));
            renderer.layout();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            renderer.createPDF(out);
            if (anchors != null) {
                // Flying Saucer gives points with the origin at the page's bottom left (PDF user space), and
                // the page of the box's last line; pages are counted from 0. AnchorsTest checks both.
                for (PagePosition p : renderer.findPagePositionsByID(ANCHOR_IDS)) {
                    anchors.add(
                            new Anchor(p.getId(), p.getPageNo() + 1, p.getX(), p.getY(), p.getWidth(), p.getHeight()));
                }
                // In reading order (Flying Saucer walks a hash map): page, then top to bottom, then left to right.
                anchors.sort(Comparator.comparingInt(Anchor::page)
                        .thenComparing(a -> -(a.y() + a.height()))
                        .thenComparing(Anchor::x));
            }
            return out.toByteArray();
        } catch (RuntimeException e) {
            throw new RenderingException("template " + template + " could not be laid out", e);
        }
    }

    private ITextRenderer renderer(RenderRequest request, boolean embed) {
        TemplateId template = request.template();
        ITextOutputDevice device = new PageClippedOutputDevice(DOTS_PER_POINT);
        ConfinedUserAgent agent =
                new ConfinedUserAgent(device, DOTS_PER_PIXEL, TemplateResources.baseOf(template.value()));
        ITextRenderer renderer = new ITextRenderer(DOTS_PER_POINT, DOTS_PER_PIXEL, device, agent, fonts());
        renderer.setListener(PdfA.listener(compressionLevel, request, embed));
        return renderer;
    }

    /**
     * A font resolver per renderer (it is not thread-safe), holding the faces read once at start-up. Adding a face by
     * path made Flying Saucer re-read the whole TrueType file from the classpath for its metrics on every render, about
     * a sixteenth of the annex's CPU time (docs/benchmarks.md, issue 19 point 3).
     */
    private ITextFontResolver fonts() {
        return faces.resolver(fontFamily);
    }

    private SharedFontFaces loadFaces() {
        ITextFontResolver resolver = new ITextFontResolver();
        try {
            for (String face : FACES) {
                resolver.addFont(face, fontFamily, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, null);
            }
            // PDF/A-3b: no incomplete /CIDSet (SourceAttachment.withoutCidSet)
            resolver.getFonts()
                    .values()
                    .forEach(family -> family.getFontDescriptions()
                            .forEach(description -> SourceAttachment.withoutCidSet(description.getFont())));
            return new SharedFontFaces(resolver.getFonts().get(fontFamily).getFontDescriptions());
        } catch (IOException | RuntimeException e) {
            throw new RenderingException("bundled font could not be loaded", e);
        }
    }

    /** FreeMarker over a kept version's files: the same safety settings, a loader that reads only that set. */
    private Configuration configurationOf(TemplateFiles files) {
        return keptVersions.computeIfAbsent(
                files.fingerprint(),
                f -> SafeTemplates.configuration(
                        settings.reportLocale(),
                        TimeZone.getTimeZone(settings.reportTimeZone()),
                        new StoredTemplateLoader(files)));
    }

    private Template template(TemplateId id) {
        try {
            Configuration configuration =
                    TemplateFiles.active().map(this::configurationOf).orElse(templates);
            return configuration.getTemplate(id.value() + "/" + id.value() + ".xhtml.ftl");
        } catch (IOException e) {
            throw new RenderingException("template " + id + " could not be loaded", e);
        }
    }
}
