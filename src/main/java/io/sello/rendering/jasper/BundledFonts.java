package io.sello.rendering.jasper;

import io.sello.rendering.RenderingException;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFace;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.FontInfo;
import net.sf.jasperreports.engine.fonts.FontUtil;

import java.util.Locale;

/**
 * Start-up guard: the document font must come from the bundled font extension, with all four faces
 * loadable and set to embed. Without it JasperReports would quietly write Helvetica, unembedded,
 * and accented letters would depend on the reader's viewer.
 */
final class BundledFonts {
    private BundledFonts() {}

    static void require(JasperReportsContext context, String family) {
        FontInfo info = FontUtil.getInstance(context).getFontInfo(family, Locale.ROOT);
        if (info == null) {
            throw new RenderingException(
                    "font family \"" + family + "\" is not registered by the bundled font extension"
                            + " (fonts/fonts.xml); refusing to fall back to a PDF standard font");
        }
        FontFamily fonts = info.getFontFamily();
        if (!Boolean.TRUE.equals(fonts.isPdfEmbedded()) || !"Identity-H".equals(fonts.getPdfEncoding())) {
            throw new RenderingException("font family \"" + family + "\" must be embedded with Identity-H encoding");
        }
        for (FontFace face : new FontFace[] {
            fonts.getNormalFace(), fonts.getBoldFace(), fonts.getItalicFace(), fonts.getBoldItalicFace()
        }) {
            if (face == null || face.getFont() == null) {
                throw new RenderingException(
                        "font family \"" + family + "\" is missing a face (normal, bold, italic, bold italic)");
            }
        }
    }
}
