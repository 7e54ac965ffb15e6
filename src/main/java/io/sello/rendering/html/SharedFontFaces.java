package io.sello.rendering.html;

import io.sello.rendering.RenderingException;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;

import java.lang.reflect.Constructor;
import java.util.List;

/**
 * The bundled faces' Flying Saucer descriptions, made once and handed to a new font resolver per render.
 *
 * <p>A {@link FontDescription} is immutable (its font, style, weight and decorations are final; the OpenPDF font is
 * the one OpenPDF caches for every render anyway), so threads may share it. A {@link FontFamily} is not: a template's
 * {@code @font-face} rules add to it and the next document removes them again. So each resolver gets a family of its
 * own holding the shared descriptions. Flying Saucer only makes families itself (package-private constructor); one
 * reflective call per render stands in for re-reading four TrueType files.
 */
final class SharedFontFaces {
    private static final Constructor<FontFamily> NEW_FAMILY = familyConstructor();

    private final List<FontDescription> descriptions;

    SharedFontFaces(List<FontDescription> descriptions) {
        if (descriptions.isEmpty()) {
            throw new IllegalArgumentException("no font faces");
        }
        this.descriptions = List.copyOf(descriptions);
    }

    /** A new resolver in which {@code family} has the shared faces, beside Flying Saucer's built-in PDF fonts. */
    ITextFontResolver resolver(String family) {
        ITextFontResolver resolver = new ITextFontResolver();
        FontFamily faces;
        try {
            faces = NEW_FAMILY.newInstance(family);
        } catch (ReflectiveOperationException e) {
            throw new RenderingException("bundled font could not be loaded", e);
        }
        descriptions.forEach(faces::addFontDescription);
        resolver.getFonts().put(family, faces);
        return resolver;
    }

    private static Constructor<FontFamily> familyConstructor() {
        try {
            Constructor<FontFamily> constructor = FontFamily.class.getDeclaredConstructor(String.class);
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Flying Saucer's FontFamily has no (String) constructor", e);
        }
    }
}
