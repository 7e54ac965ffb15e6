package io.sello;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code sello.document-types.*} (issue 18, point 2): where the catalogue looks for document types, the classes
 * annotated {@link io.sello.document.Catalogued}. The default finds the four bundled types; a deployment adds a jar
 * with its own forms and names its package here, without a change to Sello. Public for such code outside io.sello
 * ({@link #DEFAULT_PACKAGES}; the recipe's test type in docs/architecture.md).
 *
 * @param packages Java packages scanned at start-up, sub-packages included; default {@code io.sello}
 */
@ConfigurationProperties("sello.document-types")
public record DocumentTypesProperties(List<String> packages) {
    public static final List<String> DEFAULT_PACKAGES = List.of("io.sello");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    public DocumentTypesProperties {
        packages = packages == null || packages.isEmpty() ? DEFAULT_PACKAGES : List.copyOf(packages);
        for (String name : packages) {
            if (!PACKAGE.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "sello.document-types.packages: '" + name + "' is not a Java package name such as io.sello");
            }
        }
    }
}
