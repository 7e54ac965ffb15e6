package io.sello.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where the files of today's templates are read from, by their path inside the jar
 * ({@code report-templates/budget/budget-table.ftl}, {@code sello/fonts/fonts.xml}). In the service it is the
 * jar ({@link #CLASSPATH}); a test puts a changed copy in its place to stand for a later release (issue 18, point 3).
 */
@FunctionalInterface
public interface TemplateSource {

    /** Empty when there is no such file. */
    Optional<byte[]> read(String path);

    TemplateSource CLASSPATH = path -> {
        try (InputStream in = TemplateSource.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the jar", e);
        }
    };
}
