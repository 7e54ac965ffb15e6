package io.sello.rendering;

import io.sello.rendering.jasper.JasperDocumentRenderer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundledFontsTest {

    /** A font the extension does not bundle must stop start-up, never fall back to Helvetica. */
    @Test
    void anUnbundledFontFamilyFailsLoudly() {
        assertThatThrownBy(() -> new JasperDocumentRenderer(
                        new RenderingProperties(null, null, "Helvetica", null, null, null, null, null)))
                .isInstanceOf(RenderingException.class)
                .hasMessageContaining("\"Helvetica\" is not registered");
    }
}
