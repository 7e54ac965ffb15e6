package io.sello.rendering.html;

import freemarker.cache.TemplateLoader;
import io.sello.rendering.TemplateFiles;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * FreeMarker's templates from a kept template version ({@link TemplateFiles}), never from a path: a name FreeMarker
 * asks for is looked up in the set's map, under {@code report-templates/}, and anything else is simply not there.
 */
final class StoredTemplateLoader implements TemplateLoader {
    private final TemplateFiles files;

    StoredTemplateLoader(TemplateFiles files) {
        this.files = files;
    }

    @Override
    public Object findTemplateSource(String name) {
        String path = TemplateFiles.ROOT + name;
        return files.bytesOf(path) == null ? null : path;
    }

    @Override
    public long getLastModified(Object source) {
        return 0; // a kept version never changes
    }

    @Override
    public Reader getReader(Object source, String encoding) {
        return new InputStreamReader(
                new ByteArrayInputStream(files.bytesOf((String) source)), Charset.forName(encoding));
    }

    @Override
    public void closeTemplateSource(Object source) {
        // nothing open
    }
}
