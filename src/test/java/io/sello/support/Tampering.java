package io.sello.support;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The two attacks the verification must catch, done the same way by every test. */
public final class Tampering {
    private Tampering() {}

    /** One bit flipped inside the first content stream, which every signature covers. */
    public static byte[] flipByteInFirstStream(byte[] pdf) {
        byte[] tampered = pdf.clone();
        tampered[new String(pdf, StandardCharsets.ISO_8859_1).indexOf("stream") + 60] ^= 0x01;
        return tampered;
    }

    /** Keeps every signed byte and appends an incremental update that paints over the first page's figures. */
    public static byte[] appendPaintOver(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfStamper stamper = new PdfStamper(reader, out, '\0', true);
        var canvas = stamper.getOverContent(1);
        canvas.setColorFill(Color.WHITE);
        canvas.rectangle(300, 300, 200, 20);
        canvas.fill();
        stamper.close();
        return out.toByteArray();
    }
}
