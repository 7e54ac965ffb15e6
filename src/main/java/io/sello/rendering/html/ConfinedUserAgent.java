package io.sello.rendering.html;

import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;

/** Flying Saucer's resource loader, confined to the template folder (see {@link TemplateResources}). */
final class ConfinedUserAgent extends ITextUserAgent {
    private final String base;

    ConfinedUserAgent(ITextOutputDevice device, int dotsPerPixel, String base) {
        super(device, dotsPerPixel);
        this.base = base;
    }

    /**
     * Flying Saucer's own user-agent stylesheet (display of p, table, head…), inside its jar. It is the one
     * resource outside the template folder a document needs, and it is named by the renderer, not by the document.
     */
    private static final String DEFAULT_STYLESHEET =
            String.valueOf(ITextUserAgent.class.getResource("/resources/css/XhtmlNamespaceHandler.css"));

    @Override
    public String resolveURI(String uri) {
        if (uri == null) {
            return null;
        }
        if (uri.equals(DEFAULT_STYLESHEET)) {
            return uri;
        }
        return TemplateResources.resolve(base, uri);
    }

    @Override
    public void setBaseURL(String url) {
        // The base is fixed at construction: a document cannot move itself (<base href>) elsewhere.
    }

    @Override
    public String getBaseURL() {
        return base;
    }

    @Override
    protected InputStream openStream(String uri) throws IOException {
        if (DEFAULT_STYLESHEET.equals(uri)) {
            return ITextUserAgent.class.getResourceAsStream("/resources/css/XhtmlNamespaceHandler.css");
        }
        return TemplateResources.open(uri);
    }

    @Override
    protected URLConnection openConnection(String uri) throws IOException {
        throw new IOException("connections are not allowed");
    }
}
