package io.sello.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads resources that ship inside the jar (schemas, examples); a missing one is a packaging bug. */
final class ClasspathText {
    private ClasspathText() {}

    public static byte[] bytes(String path) {
        try (InputStream in = ClasspathText.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
