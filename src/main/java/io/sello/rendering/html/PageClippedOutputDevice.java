package io.sello.rendering.html;

import com.lowagie.text.pdf.PdfContentByte;
import org.xhtmlrenderer.pdf.ITextOutputDevice;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;

/**
 * Flying Saucer's PDF output device, with one correction: a line of text that begins where a page's
 * content area ends is no longer painted on that page as well as on the next.
 *
 * <p>Flying Saucer paints each page by clipping to its content area and painting every box whose
 * bounds meet that clip. A line that layout moved to the top of the next page (a paragraph or a table
 * cell continuing there) starts exactly at the previous page's content bottom, and its painting bounds
 * meet that clip by a rounding sliver. It was then drawn twice: once below the visible area of page
 * <i>n</i>, hidden by the clip but present in the content stream (text extraction, search and copy
 * find it), and once where it belongs on page <i>n</i>+1. Issue 13 measured 12 such lines in seed 003.
 *
 * <p>The clip that boxes are <em>collected</em> by ({@link #getClip()}) is therefore the real clip
 * less {@link #SLIVER} dots at its foot. The clip that is drawn is unchanged, so nothing visible moves:
 * what lies in that sliver is a sub-point strip that the page boundary cuts anyway.
 */
final class PageClippedOutputDevice extends ITextOutputDevice {
    /** Three points in layout dots (26.66 a point): more than DejaVu's accents reach above a 12 pt line, less than any line. */
    static final double SLIVER = 3 * 20.0 * 4.0 / 3.0;

    PageClippedOutputDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    /**
     * The clips handed out by {@link #getClip()}, each with the real clip it stands for. Flying Saucer
     * saves a clip with {@code getClip()} and restores it with {@link #setClip}: the real one must come
     * back, or every save and restore would cut another sliver off what is drawn.
     */
    private final Map<Shape, Shape> handedOut = new HashMap<>();

    @Override
    public Shape getClip() {
        Shape clip = super.getClip();
        if (clip == null) {
            return null;
        }
        Rectangle2D bounds = clip.getBounds2D();
        if (!new Area(clip).isRectangular() || bounds.getHeight() <= 2 * SLIVER) {
            return clip;
        }
        Shape collecting =
                new Rectangle2D.Double(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight() - SLIVER);
        handedOut.put(collecting, clip);
        return collecting;
    }

    @Override
    public void setClip(Shape clip) {
        super.setClip(clip == null ? null : handedOut.getOrDefault(clip, clip));
    }

    @Override
    public void initializePage(PdfContentByte page, float height) {
        handedOut.clear();
        super.initializePage(page, height);
    }
}
