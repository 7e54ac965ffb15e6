package io.sello;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * A test that starts the whole service is slow and belongs to failsafe: without {@link SlowTest} it would run in
 * surefire's fast phase instead (README, "Tests").
 */
class SlowTestsAreTaggedTest {
    @Test
    void everySpringBootTestIsASlowTest() {
        // only the compiled tests: scanning the class path for io.sello would read every jar on it
        JavaClasses tests = new ClassFileImporter().importPath(Path.of("target/test-classes"));
        classes()
                .that()
                .areAnnotatedWith(SpringBootTest.class)
                .should()
                .beAnnotatedWith(SlowTest.class)
                .because("slow tests run in failsafe, selected by the tag \"slow\"")
                .check(tests);
    }
}
