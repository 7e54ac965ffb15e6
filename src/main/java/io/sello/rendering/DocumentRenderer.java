package io.sello.rendering;

/**
 * Turns a {@link RenderRequest} into PDF bytes. Implementations sit in sub-packages (one per engine)
 * and are the only code allowed to touch engine classes.
 */
public interface DocumentRenderer {

    /** Loads (and if needed compiles) a template ahead of its first use. */
    void prepare(TemplateId template);

    /** @throws RenderingException when the engine fails; the message is safe to show a client */
    byte[] render(RenderRequest request);
}
