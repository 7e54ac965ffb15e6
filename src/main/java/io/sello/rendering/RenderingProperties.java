package io.sello.rendering;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * {@code sello.rendering.*}: the locale and time zone every template is filled with. They are fixed
 * by configuration, never taken from the host, so the same data renders the same PDF anywhere.
 * The last three settings bound the memory a large JasperReports document takes (docs/benchmarks.md).
 *
 * @param locale   a BCP 47 tag, default {@code es-BO}
 * @param timeZone an IANA zone, default {@code America/La_Paz}
 * @param fontFamily the font family every template uses; start-up fails if it is not bundled
 * @param virtualizeFromRows a JasperReports document with at least this many rows is filled through a
 *                           swap-file virtualizer, so that its finished pages wait on disk and not in the
 *                           heap; {@code 0} virtualizes every document. Default {@value #DEFAULT_VIRTUALIZE_FROM_ROWS}.
 * @param virtualizerPages pages of one virtualized document that stay in the heap, at least 2; default
 *                         {@value #DEFAULT_VIRTUALIZER_PAGES}
 * @param swapDirectory where the swap files go, each in a private folder deleted after its render;
 *                      default the JVM's temporary directory ({@code java.io.tmpdir})
 * @param compressionLevel the deflate level of the PDF streams both engines write, 0 (stored) to 9
 *                         (smallest); default {@value #DEFAULT_COMPRESSION_LEVEL}. zlib's usual 6 spends
 *                         about twice the CPU of 3 for a Formulario N.5.B 7 % smaller (docs/benchmarks.md).
 * @param embedSource whether every PDF carries the request's JSON as an associated file (issue 17, point 4;
 *                    {@link SourceAttachment}); default {@code true}. Off only to measure what embedding costs: the
 *                    PDF stays PDF/A-3b, but {@code POST …/import} cannot read its data back.
 */
@ConfigurationProperties("sello.rendering")
public record RenderingProperties(
        String locale,
        String timeZone,
        String fontFamily,
        Integer virtualizeFromRows,
        Integer virtualizerPages,
        String swapDirectory,
        Integer compressionLevel,
        Boolean embedSource) {
    public static final int DEFAULT_VIRTUALIZE_FROM_ROWS = 500;
    public static final int DEFAULT_VIRTUALIZER_PAGES = 24;
    public static final int DEFAULT_COMPRESSION_LEVEL = 3;

    public RenderingProperties {
        locale = locale == null ? "es-BO" : locale;
        timeZone = timeZone == null ? "America/La_Paz" : timeZone;
        fontFamily = fontFamily == null ? "Sello Sans" : fontFamily;
        virtualizeFromRows = virtualizeFromRows == null ? DEFAULT_VIRTUALIZE_FROM_ROWS : virtualizeFromRows;
        virtualizerPages = virtualizerPages == null ? DEFAULT_VIRTUALIZER_PAGES : virtualizerPages;
        swapDirectory =
                swapDirectory == null || swapDirectory.isBlank() ? System.getProperty("java.io.tmpdir") : swapDirectory;
        compressionLevel = compressionLevel == null ? DEFAULT_COMPRESSION_LEVEL : compressionLevel;
        embedSource = embedSource == null || embedSource;
        try {
            new Locale.Builder().setLanguageTag(locale);
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException(
                    "sello.rendering.locale: \"" + locale + "\" is not a BCP 47 language tag such as es-BO");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "sello.rendering.time-zone: \"" + timeZone + "\" is not an IANA time zone such as America/La_Paz");
        }
        if (fontFamily.isBlank()) {
            throw new IllegalArgumentException("sello.rendering.font-family must not be blank");
        }
        if (virtualizeFromRows < 0) {
            throw new IllegalArgumentException(
                    "sello.rendering.virtualize-from-rows must be 0 (always) or more, not " + virtualizeFromRows);
        }
        if (virtualizerPages < 2) {
            // One page in memory would be written out and read back for every page break.
            throw new IllegalArgumentException(
                    "sello.rendering.virtualizer-pages must be at least 2, not " + virtualizerPages);
        }
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException(
                    "sello.rendering.compression-level must be between 0 (stored) and 9 (smallest), not "
                            + compressionLevel);
        }
        if (!isWritableDirectory(swapDirectory)) {
            throw new IllegalArgumentException(
                    "sello.rendering.swap-directory: \"" + swapDirectory + "\" is not a writable directory");
        }
    }

    public static RenderingProperties defaults() {
        return new RenderingProperties(null, null, null, null, null, null, null, null);
    }

    /** These settings with another virtualization threshold (tests and benchmarks compare both ways). */
    public RenderingProperties withVirtualizeFromRows(int rows) {
        return new RenderingProperties(
                locale, timeZone, fontFamily, rows, virtualizerPages, swapDirectory, compressionLevel, embedSource);
    }

    /** These settings with another deflate level (the benchmark compares levels). */
    public RenderingProperties withCompressionLevel(int level) {
        return new RenderingProperties(
                locale, timeZone, fontFamily, virtualizeFromRows, virtualizerPages, swapDirectory, level, embedSource);
    }

    /** These settings with the source data embedded or not (the benchmark compares both). */
    public RenderingProperties withEmbedSource(boolean embed) {
        return new RenderingProperties(
                locale,
                timeZone,
                fontFamily,
                virtualizeFromRows,
                virtualizerPages,
                swapDirectory,
                compressionLevel,
                embed);
    }

    public Locale reportLocale() {
        return Locale.forLanguageTag(locale);
    }

    public ZoneId reportTimeZone() {
        return ZoneId.of(timeZone);
    }

    public Path swapPath() {
        return Path.of(swapDirectory);
    }

    private static boolean isWritableDirectory(String directory) {
        try {
            Path path = Path.of(directory);
            return Files.isDirectory(path) && Files.isWritable(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
