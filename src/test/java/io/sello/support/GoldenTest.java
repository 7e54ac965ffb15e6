package io.sello.support;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that compares output with a golden file through {@link Golden}. Use it instead of {@code @Test} on every
 * such method: {@code scripts/approve-golden.sh} refreshes the golden files by running exactly this tag, so a
 * golden test without it would never be refreshed (which is how the amendment, plan and budget goldens were missed).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
@Tag(GoldenTest.TAG)
public @interface GoldenTest {
    String TAG = "golden";
}
