package io.sello.rendering;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * {@code sello.rendering.*}: the locale and time zone every template is filled with. They are fixed
 * by configuration, never taken from the host, so the same data renders the same PDF anywhere.
 *
 * @param locale   a BCP 47 tag, default {@code es-BO}
 * @param timeZone an IANA zone, default {@code America/La_Paz}
 * @param fontFamily the font family every template uses; start-up fails if it is not bundled
 */
@ConfigurationProperties("sello.rendering")
public record RenderingProperties(String locale, String timeZone, String fontFamily) {
    public RenderingProperties {
        locale = locale == null ? "es-BO" : locale;
        timeZone = timeZone == null ? "America/La_Paz" : timeZone;
        fontFamily = fontFamily == null ? "Sello Sans" : fontFamily;
        try {
            new Locale.Builder().setLanguageTag(locale);
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("sello.rendering.locale: \"" + locale + "\" is not a BCP 47 language tag such as es-BO");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("sello.rendering.time-zone: \"" + timeZone + "\" is not an IANA time zone such as America/La_Paz");
        }
        if (fontFamily.isBlank()) {
            throw new IllegalArgumentException("sello.rendering.font-family must not be blank");
        }
    }

    public static RenderingProperties defaults() {
        return new RenderingProperties(null, null, null);
    }

    public Locale reportLocale() {
        return Locale.forLanguageTag(locale);
    }

    public ZoneId reportTimeZone() {
        return ZoneId.of(timeZone);
    }
}
