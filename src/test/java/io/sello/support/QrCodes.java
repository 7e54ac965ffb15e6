package io.sello.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the QR code in a page's top-right quarter, as a phone does: it tries several frames. ZXing's
 * finder-pattern detector misses some codes at some resolutions only (seen: 2 document ids in 60 at
 * 300 dpi), which a phone, reading 30 frames a second at shifting distances, never notices.
 */
public final class QrCodes {
    private static final int[] RESOLUTIONS = {300, 240, 360, 200};

    private QrCodes() {}

    public static Optional<String> topRight(PDFRenderer renderer, int page) throws IOException {
        for (int dpi : RESOLUTIONS) {
            BufferedImage full = renderer.renderImageWithDPI(page, dpi);
            BufferedImage corner =
                    full.getSubimage(full.getWidth() * 3 / 4, 0, full.getWidth() / 4, full.getHeight() / 4);
            int[] pixels = corner.getRGB(0, 0, corner.getWidth(), corner.getHeight(), null, 0, corner.getWidth());
            var bitmap = new BinaryBitmap(
                    new HybridBinarizer(new RGBLuminanceSource(corner.getWidth(), corner.getHeight(), pixels)));
            try {
                return Optional.of(new MultiFormatReader()
                        .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                        .getText());
            } catch (NotFoundException e) {
                // the next frame
            } catch (ReaderException e) {
                // a damaged read: the next frame too
            }
        }
        return Optional.empty();
    }
}
