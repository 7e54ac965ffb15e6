package io.sello.rendering.html;

import com.lowagie.text.pdf.BaseFont;
import org.junit.jupiter.api.Test;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled faces are read once and shared; each render's resolver still gets a family of its own. */
class SharedFontFacesTest {
    private static final String FAMILY = "Sello Sans";

    private static List<FontDescription> readOnce() throws Exception {
        ITextFontResolver reader = new ITextFontResolver();
        reader.addFont("sello/fonts/DejaVuSansCondensed.ttf", FAMILY, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, null);
        reader.addFont(
                "sello/fonts/DejaVuSansCondensed-Bold.ttf", FAMILY, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, null);
        return reader.getFonts().get(FAMILY).getFontDescriptions();
    }

    @Test
    void everyResolverHasTheSameFacesInAFamilyOfItsOwn() throws Exception {
        List<FontDescription> faces = readOnce();
        SharedFontFaces shared = new SharedFontFaces(faces);

        FontFamily first = shared.resolver(FAMILY).getFonts().get(FAMILY);
        FontFamily second = shared.resolver(FAMILY).getFonts().get(FAMILY);

        assertThat(first).isNotSameAs(second);
        assertThat(first.getFontDescriptions()).containsExactlyElementsOf(faces);
        assertThat(second.getFontDescriptions()).containsExactlyElementsOf(faces);
        assertThat(first.match(700, IdentValue.NORMAL).getWeight()).isEqualTo(700);
        assertThat(first.match(400, IdentValue.NORMAL).getWeight()).isEqualTo(400);

        // What a template's @font-face rule does to a render's family stays in that render.
        first.addFontDescription(new FontDescription(faces.get(0).getFont(), true));
        assertThat(first.getFontDescriptions()).hasSize(faces.size() + 1);
        assertThat(second.getFontDescriptions()).hasSize(faces.size());
        assertThat(shared.resolver(FAMILY).getFonts().get(FAMILY).getFontDescriptions())
                .hasSize(faces.size());
    }

    @Test
    void theBuiltInPdfFontsAreStillThere() throws Exception {
        ITextFontResolver resolver = new SharedFontFaces(readOnce()).resolver(FAMILY);

        assertThat(resolver.getFonts()).containsKeys(FAMILY, "Serif", "SansSerif", "Monospaced");
    }
}
