package io.sello.support;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A slow test class: it starts the whole service (every {@code @SpringBootTest}, and tests that start it with
 * {@code SpringApplicationBuilder}), drives Chromium ({@link Browser}), needs PostgreSQL, forks a process that serves
 * or converts (a second Sello instance, LibreOffice), or is the hostile suite. It runs in failsafe
 * ({@code integration-test} phase of {@code mvn verify}); every other test runs in surefire ({@code test} phase).
 * {@code SlowTestsAreTaggedTest} checks that no {@code @SpringBootTest} class forgets it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(SlowTest.TAG)
public @interface SlowTest {
    String TAG = "slow";
}
