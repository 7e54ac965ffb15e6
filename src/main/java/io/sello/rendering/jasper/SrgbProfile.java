package io.sello.rendering.jasper;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sRGB ICC profile of the JDK, which PDF/A needs as the output intent. JasperReports reads it
 * from a path, so it is written once per process to a private temporary file.
 */
final class SrgbProfile {
    private static volatile String path;

    private SrgbProfile() {}

    static String path() {
        String known = path;
        if (known == null) {
            synchronized (SrgbProfile.class) {
                if (path == null) {
                    path = write();
                }
                known = path;
            }
        }
        return known;
    }

    private static String write() {
        try {
            Path file = Files.createTempFile("sello-srgb", ".icc");
            file.toFile().deleteOnExit();
            Files.write(file, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sRGB profile for PDF/A", e);
        }
    }
}
