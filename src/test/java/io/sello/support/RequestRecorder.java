package io.sello.support;

import io.sello.document.RenderOptions;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.TemplateId;

import java.util.List;

/**
 * An engine that records the request a document type hands it, so tests and benchmarks can give the real
 * engine exactly the data the service prepared. With a delegate it renders through it; without one it
 * renders nothing (an empty PDF), which leaves the service's own work.
 */
public final class RequestRecorder implements DocumentRenderer {
    private final DocumentRenderer delegate;
    private volatile RenderRequest last;

    public RequestRecorder(DocumentRenderer delegate) {
        this.delegate = delegate;
    }

    /** Records without rendering. */
    public RequestRecorder() {
        this(null);
    }

    /** The request the document type with this id hands its engine for this JSON, rendered strictly. */
    public static RenderRequest of(String type, byte[] json) {
        RequestRecorder recorder = new RequestRecorder();
        Fixtures.type(type, recorder).render(json, RenderOptions.STRICT);
        return recorder.last();
    }

    /** The first part of the last request rendered. */
    public RenderRequest last() {
        return last;
    }

    @Override
    public void prepare(TemplateId template) {
        if (delegate != null) {
            delegate.prepare(template);
        }
    }

    @Override
    public byte[] render(List<RenderRequest> parts) {
        last = parts.get(0);
        return delegate == null ? new byte[0] : delegate.render(parts);
    }
}
