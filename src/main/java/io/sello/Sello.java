package io.sello;

import io.sello.document.Catalogued;
import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.Engines;
import io.sello.rendering.Renderers;
import io.sello.rendering.RenderingProperties;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Wires the engines and the document types without starting Spring, so that the CLI gets exactly what the server
 * gets. The types are not listed here: each is found by its {@link Catalogued} annotation (issue 18, point 2).
 * Public although no other main package names it: it builds the catalogue for code outside io.sello (a deployment's
 * own types, the recipe's test type in docs/architecture.md, the benchmarks).
 */
public final class Sello {
    /** The packages the CLI scans when it is not told otherwise, as {@code sello.document-types.packages} does for the server. */
    static final String PACKAGES_PROPERTY = "sello.document-types.packages";

    private Sello() {}

    public static DocumentRenderer jasperRenderer(RenderingProperties settings) {
        return Renderers.jasper(settings);
    }

    public static DocumentRenderer htmlRenderer(RenderingProperties settings) {
        return Renderers.html(settings);
    }

    /** The catalogue: every {@link Catalogued} type in these packages, each built once with the engines. */
    public static DocumentTypes documentTypes(Engines engines, List<String> packages) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Catalogued.class));
        Set<String> classNames = new LinkedHashSet<>();
        for (String name : packages) {
            for (BeanDefinition found : scanner.findCandidateComponents(name)) {
                classNames.add(found.getBeanClassName());
            }
        }
        List<DocumentType> types = new ArrayList<>();
        for (String className : classNames) {
            types.add(instantiate(className, engines));
        }
        types.sort(Comparator.comparingInt((DocumentType t) ->
                        t.getClass().getAnnotation(Catalogued.class).position())
                .thenComparing(t -> t.id().value()));
        return new DocumentTypes(types);
    }

    /** Both engines with the given settings and the default packages (or -Dsello.document-types.packages), as the CLI uses them. */
    public static DocumentTypes documentTypes(RenderingProperties settings) {
        String configured = System.getProperty(PACKAGES_PROPERTY, "");
        List<String> packages = configured.isBlank()
                ? DocumentTypesProperties.DEFAULT_PACKAGES
                : new DocumentTypesProperties(Arrays.stream(configured.split(","))
                                .map(String::trim)
                                .toList())
                        .packages();
        return documentTypes(new Engines(jasperRenderer(settings), htmlRenderer(settings)), packages);
    }

    private static DocumentType instantiate(String className, Engines engines) {
        try {
            Class<?> type = Class.forName(className, true, Sello.class.getClassLoader());
            if (!DocumentType.class.isAssignableFrom(type)) {
                throw new IllegalStateException(className + " is @Catalogued but is not a DocumentType");
            }
            // The type and its constructor may be package-private (issue 18, point 4): made accessible as Spring's
            // BeanUtils.instantiateClass does for a package-private bean.
            Constructor<?> constructor = type.getDeclaredConstructor(Engines.class);
            constructor.setAccessible(true);
            return (DocumentType) constructor.newInstance(engines);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(className + " is @Catalogued but has no constructor taking Engines", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "document type " + className + " failed to start: "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create document type " + className, e);
        }
    }
}
