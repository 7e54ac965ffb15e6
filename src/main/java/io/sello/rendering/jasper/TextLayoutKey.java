package io.sello.rendering.jasper;

import net.sf.jasperreports.engine.JRParagraph;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.TabStop;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.LineSpacingEnum;
import net.sf.jasperreports.engine.type.TabStopAlignEnum;
import net.sf.jasperreports.engine.util.JRStyledText;

import java.awt.Color;
import java.text.AttributedCharacterIterator.Attribute;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything JasperReports 7.0.6's AWT text layout ({@code AbstractTextRenderer.render} and {@code renderParagraph})
 * reads to break a text into lines and place them inside its box: the styled text (its characters, locale and
 * runs of attributes, from which {@code JRStyledText.getAwtAttributedString} resolves the fonts), the box's width
 * and side paddings after rotation, the height the filler gave the text, the paragraph settings, the alignment and
 * the two AWT flags. Not in it, because the layout does not read them: the box's place on the page, its height and
 * vertical alignment, the run direction and the top padding, which {@code PdfTextRenderer.draw} adds per element.
 *
 * <p>{@link #of} returns {@code null}, so that the text is laid out as usual, when an attribute value is not a
 * plain value (a hyperlink, an HTML list, anything whose {@code equals} is identity): two such texts must never be
 * taken for one.
 */
record TextLayoutKey(
        String text,
        Locale locale,
        List<Run> runs,
        int width,
        int leftPadding,
        int rightPadding,
        float textHeight,
        LineSpacingEnum lineSpacing,
        Float lineSpacingSize,
        Integer firstLineIndent,
        Integer leftIndent,
        Integer rightIndent,
        Integer spacingBefore,
        Integer tabStopWidth,
        List<Tab> tabStops,
        HorizontalTextAlignEnum align,
        boolean indentFirstLine,
        boolean justifyLastLine) {

    /** Longer texts are laid out every time: they rarely repeat, and the key would keep them for the document. */
    static final int MAX_LENGTH = 500;

    record Run(Map<Attribute, Object> attributes, int start, int end) {}

    record Tab(int position, TabStopAlignEnum alignment) {}

    /**
     * @param width, leftPadding, rightPadding the renderer's own, after {@code initialize} swapped them for a
     *     rotated text
     */
    static TextLayoutKey of(
            JRPrintText element,
            JRStyledText styled,
            int width,
            int leftPadding,
            int rightPadding,
            boolean indentFirstLine,
            boolean justifyLastLine) {
        String text = styled.getText();
        if (text.length() > MAX_LENGTH) {
            return null;
        }
        List<Run> runs = new ArrayList<>(styled.getRuns().size());
        for (JRStyledText.Run run : styled.getRuns()) {
            Map<Attribute, Object> attributes = plainValues(run.attributes);
            if (attributes == null) {
                return null;
            }
            runs.add(new Run(attributes, run.startIndex, run.endIndex));
        }
        JRParagraph paragraph = element.getParagraph();
        TabStop[] stops = paragraph.getTabStops();
        List<Tab> tabs = new ArrayList<>(stops == null ? 0 : stops.length);
        if (stops != null) {
            for (TabStop stop : stops) {
                tabs.add(new Tab(stop.getPosition(), stop.getAlignment()));
            }
        }
        return new TextLayoutKey(
                text,
                styled.getLocale(),
                runs,
                width,
                leftPadding,
                rightPadding,
                element.getTextHeight(),
                paragraph.getLineSpacing(),
                paragraph.getLineSpacingSize(),
                paragraph.getFirstLineIndent(),
                paragraph.getLeftIndent(),
                paragraph.getRightIndent(),
                paragraph.getSpacingBefore(),
                paragraph.getTabStopWidth(),
                tabs,
                element.getHorizontalTextAlign(),
                indentFirstLine,
                justifyLastLine);
    }

    /** A copy of the run's attributes, or {@code null} when one of them is not a plain value. */
    private static Map<Attribute, Object> plainValues(Map<Attribute, Object> attributes) {
        if (attributes == null) {
            return Map.of();
        }
        Map<Attribute, Object> copy = new HashMap<>(attributes.size() * 2);
        for (Map.Entry<Attribute, Object> entry : attributes.entrySet()) {
            Object value = entry.getValue();
            if (!(value == null
                    || value instanceof String
                    || value instanceof Number
                    || value instanceof Boolean
                    || value instanceof Color
                    || value instanceof Locale
                    || value instanceof Enum<?>)) {
                return null;
            }
            copy.put(entry.getKey(), value);
        }
        return Collections.unmodifiableMap(copy);
    }
}
