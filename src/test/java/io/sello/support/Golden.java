package io.sello.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden files under {@code src/test/resources/golden/}. A missing golden file is written from the
 * actual output and the test fails, so that a person reviews it before it is committed.
 * {@code scripts/approve-golden.sh} (= {@code mvn test -Dgolden.update=true}) rewrites them all.
 */
public final class Golden {
    private static final Path ROOT = Path.of("src/test/resources/golden");

    private Golden() {}

    public static void assertMatches(String name, String actual) {
        assertFile(ROOT.resolve(name), actual);
    }

    /** The same rule for a committed file outside the golden folder, such as a report in {@code docs/}. */
    public static void assertFile(Path file, String actual) {
        String name = file.getFileName().toString();
        try {
            if (Boolean.getBoolean("golden.update")) {
                write(file, actual);
                return;
            }
            if (!Files.exists(file)) {
                write(file, actual);
                fail("golden file " + file + " did not exist; it has been written from this run."
                        + " Review it, commit it, and run the test again.");
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                Path actualFile = Path.of("target/golden-actual").resolve(name);
                write(actualFile, actual);
                assertEquals(
                        expected,
                        actual,
                        "layout differs from " + file + "; actual output written to " + actualFile
                                + ". If the change is intended, run scripts/approve-golden.sh");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
