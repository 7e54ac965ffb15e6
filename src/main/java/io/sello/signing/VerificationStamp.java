package io.sello.signing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Prints on every page, in the top-right corner (beside the centred title blocks of the forms), a QR code that links to the document's public
 * verification page, with the document id and a short hash beside it, so that a reviewer holding
 * paper can check it. The QR is drawn as vector squares in black (no image, no transparency: the
 * page stays PDF/A), and the text uses the bundled embedded font.
 */
public final class VerificationStamp {
    private static final float MODULE = 1.25f;
    /** Also the quiet zone a reader needs around the code: at least four modules. */
    private static final float MARGIN = 8f;

    private final BaseFont font;

    public VerificationStamp() {
        try {
            this.font =
                    BaseFont.createFont("sello/fonts/DejaVuSansCondensed.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException | RuntimeException e) {
            throw new SigningException("the stamp font is missing", e);
        }
    }

    /**
     * @param url       the verification page of this document
     * @param caption   printed beside the code, at most two lines, e.g. the URL and {@code SHA-256 1a2b3c4d5e6f7a8b}
     */
    public byte[] stamp(byte[] pdf, String url, String caption) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            url,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
            String[] captionLines = caption.split("\n", 2);
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            PdfStamper stamper = new PdfStamper(reader, out);
            float side = matrix.getWidth() * MODULE;
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                // The stamper turns rotated pages for us: coordinates are those of the page as seen.
                var size = reader.getPageSizeWithRotation(page);
                float x = size.getRight() - MARGIN - side;
                float y = size.getTop() - MARGIN - side;
                PdfContentByte canvas = stamper.getOverContent(page);
                draw(canvas, matrix, x, y);
                canvas.beginText();
                canvas.setFontAndSize(font, 5.5f);
                canvas.setColorFill(Color.BLACK);
                float textRight = x - 4 * MODULE;
                canvas.showTextAligned(PdfContentByte.ALIGN_RIGHT, captionLines[0], textRight, y + side - 6, 0);
                canvas.showTextAligned(
                        PdfContentByte.ALIGN_RIGHT,
                        captionLines.length > 1 ? captionLines[1] : "",
                        textRight,
                        y + side - 13,
                        0);
                canvas.endText();
            }
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException | WriterException | DocumentException e) {
            throw new SigningException("the verification code could not be printed", e);
        }
    }

    private static void draw(PdfContentByte canvas, BitMatrix matrix, float x, float y) {
        canvas.saveState();
        canvas.setColorFill(Color.BLACK);
        int size = matrix.getWidth();
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                if (matrix.get(column, row)) {
                    canvas.rectangle(x + column * MODULE, y + (size - 1 - row) * MODULE, MODULE, MODULE);
                }
            }
        }
        canvas.fill();
        canvas.restoreState();
    }
}
