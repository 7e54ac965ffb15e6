package io.sello.rendering;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenderingPropertiesTest {

    @Test
    void defaultsAreSpanishBoliviaInLaPaz() {
        RenderingProperties defaults = RenderingProperties.defaults();
        assertThat(defaults.reportLocale()).isEqualTo(Locale.forLanguageTag("es-BO"));
        assertThat(defaults.reportTimeZone()).isEqualTo(ZoneId.of("America/La_Paz"));
    }

    @Test
    void badValuesNameThePropertyKey() {
        assertThatThrownBy(() -> new RenderingProperties("es_BO!", null, null)).hasMessageStartingWith("sello.rendering.locale");
        assertThatThrownBy(() -> new RenderingProperties(null, "Mars/Olympus", null)).hasMessageStartingWith("sello.rendering.time-zone");
        assertThatThrownBy(() -> new RenderingProperties(null, null, " ")).hasMessageStartingWith("sello.rendering.font-family");
    }
}
