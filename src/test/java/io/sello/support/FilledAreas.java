package io.sello.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Counts the areas a PDF fills in one colour: how a test sees that a bar chart was drawn. */
public final class FilledAreas extends PDFGraphicsStreamEngine {
    private final int rgb;
    private int count;

    private FilledAreas(PDPage page, int rgb) {
        super(page);
        this.rgb = rgb;
    }

    public static int count(byte[] pdf, int rgb) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int total = 0;
            for (PDPage page : document.getPages()) {
                FilledAreas engine = new FilledAreas(page, rgb);
                engine.processPage(page);
                total += engine.count;
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void fillPath(int windingRule) throws IOException {
        if ((getGraphicsState().getNonStrokingColor().toRGB() & 0xFFFFFF) == rgb) {
            count++;
        }
    }

    @Override
    public void fillAndStrokePath(int windingRule) throws IOException {
        fillPath(windingRule);
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {}

    @Override
    public void drawImage(PDImage pdImage) {}

    @Override
    public void clip(int windingRule) {}

    @Override
    public void moveTo(float x, float y) {}

    @Override
    public void lineTo(float x, float y) {}

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}

    @Override
    public Point2D getCurrentPoint() {
        return new Point2D.Float();
    }

    @Override
    public void closePath() {}

    @Override
    public void endPath() {}

    @Override
    public void strokePath() {}

    @Override
    public void shadingFill(COSName shadingName) {}
}
