package io.sello.document;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a {@link DocumentType} in the catalogue (issue 18, point 2). The catalogue finds annotated classes by scanning
 * the configured packages ({@code sello.document-types.packages}), as Gotenberg's modules register themselves, so a new
 * type is its own package and resources with no central list to edit. The class needs a constructor taking
 * {@link Engines}; class and constructor may be package-private, as nothing outside its package names it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Catalogued {
    /** Where the type is listed to clients (lower first); ties are listed by id. */
    int position();
}
