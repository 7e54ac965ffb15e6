package io.sello.rendering.jasper;

import io.sello.rendering.RenderRequest;
import io.sello.rendering.RenderingProperties;
import io.sello.support.LargeFormInput;
import io.sello.support.PdfLayout;
import io.sello.support.RequestRecorder;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.TabStop;
import net.sf.jasperreports.engine.base.JRBaseParagraph;
import net.sf.jasperreports.engine.base.JRBasePrintPage;
import net.sf.jasperreports.engine.base.JRBasePrintText;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.RotationEnum;
import net.sf.jasperreports.engine.type.TabStopAlignEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text that recurs in a document is drawn from its first layout ({@link ReusedLayoutTextRenderer}). The PDF must
 * be the one JasperReports writes when it lays out every text anew: the same drawing operators, byte for byte, on
 * every page. Texts that differ in anything the line breaking reads must not share a layout.
 */
class ReusedTextLayoutsTest {
    private static final String SENTENCE = "Administración eficiente de los ingresos generados por venta de Servicios";

    private final JasperDocumentRenderer renderer = new JasperDocumentRenderer(RenderingProperties.defaults());

    @Test
    void formulario5BIsDrawnTheSameWithItsRecurringTextsReused() throws IOException {
        for (int copies : new int[] {1, 3}) {
            RenderRequest request = RequestRecorder.of("poa-execution-form", LargeFormInput.json(copies));
            JasperPrint print = renderer.fill(request);

            LeveledPdfExporter reusing = renderer.exporter(request, true);
            byte[] reused = renderer.export(List.of(print), request, reusing);
            LeveledPdfExporter layingOutEach = renderer.exporter(request, false);
            byte[] laidOut = renderer.export(List.of(print), request, layingOutEach);

            assertThat(pageContents(reused)).isEqualTo(pageContents(laidOut));
            assertThat(PdfLayout.of(reused)).isEqualTo(PdfLayout.of(laidOut));
            // Most of the form's texts recur: "0.00" in each empty amount cell, TOTAL, the period's dates.
            assertThat(reusing.reusedTextLayouts())
                    .as("texts drawn from an earlier layout")
                    .isGreaterThan(400 * copies);
            assertThat(layingOutEach.reusedTextLayouts()).isZero();
        }
    }

    @Test
    void textsThatDifferInWhatTheLineBreakingReadsAreEachLaidOut() throws IOException {
        // Each variant once at the top and once lower down: the second of each pair, and only it, is a repeat.
        List<Consumer<JRBasePrintText>> variants = List.of(
                text -> {},
                text -> text.setWidth(80), // wraps into more lines
                text -> text.setHorizontalTextAlign(HorizontalTextAlignEnum.JUSTIFIED),
                text -> text.setHorizontalTextAlign(HorizontalTextAlignEnum.RIGHT),
                text -> text.setTextHeight(9f), // room for one line only
                text -> text.setFontSize(9f),
                text -> text.setBold(true),
                text -> text.setText(SENTENCE.toUpperCase(Locale.ROOT)),
                text -> text.setText("Meta\tAvance\t0.00"),
                text -> {
                    text.setText("Meta\tAvance\t0.00");
                    ((JRBaseParagraph) text.getParagraph()).addTabStop(new TabStop(60, TabStopAlignEnum.RIGHT));
                },
                text -> ((JRBaseParagraph) text.getParagraph()).setLeftIndent(12),
                text -> ((JRBaseParagraph) text.getParagraph()).setFirstLineIndent(20),
                text -> text.getLineBox().setLeftPadding(6),
                text -> {
                    // Laid out across its height: 120 wide once turned. (Turned in a box 150 high, it would be laid
                    // out like the first variant, and share its layout, rightly.)
                    text.setRotation(RotationEnum.LEFT);
                    text.setHeight(120);
                    text.setWidth(30);
                });
        JasperPrint print = new JasperPrint();
        print.setName("variants");
        print.setPageWidth(842);
        print.setPageHeight(595);
        JRBasePrintPage page = new JRBasePrintPage();
        for (int copy = 0; copy < 2; copy++) {
            for (int i = 0; i < variants.size(); i++) {
                JRBasePrintText text = new JRBasePrintText(print.getDefaultStyleProvider());
                text.setX(20 + 55 * (i % 14) + 7 * copy);
                text.setY(20 + 280 * copy + (i % 2) * 30);
                text.setWidth(150);
                text.setHeight(40);
                text.setTextHeight(36f);
                text.setFontName("Sello Sans");
                text.setFontSize(7.5f);
                text.setText(SENTENCE);
                text.setVerticalTextAlign(copy == 0 ? VerticalTextAlignEnum.TOP : VerticalTextAlignEnum.MIDDLE);
                variants.get(i).accept(text);
                page.addElement(text);
            }
        }
        print.addPage(page);
        RenderRequest request = RequestRecorder.of("poa-execution-form", LargeFormInput.json(1));

        LeveledPdfExporter reusing = renderer.exporter(request, true);
        byte[] reused = renderer.export(List.of(print), request, reusing);
        byte[] laidOut = renderer.export(List.of(print), request, renderer.exporter(request, false));

        assertThat(pageContents(reused)).isEqualTo(pageContents(laidOut));
        assertThat(reusing.reusedTextLayouts()).isEqualTo(variants.size());
    }

    /** The decoded content stream of each page: every drawing operator, text and position. */
    private static List<String> pageContents(byte[] pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                try (InputStream contents = page.getContents()) {
                    pages.add(new String(contents.readAllBytes(), StandardCharsets.ISO_8859_1));
                }
            }
        }
        assertThat(pages).isNotEmpty().allSatisfy(page -> assertThat(page).contains("Tj"));
        return pages;
    }
}
