package io.sello.rendering;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad {@code sello.rendering.*} value stops start-up with a message that names the key. */
class RenderingPropertiesBindingTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void bindsTheDefaultsAndRefusesABadTimeZone() {
        runner.run(
                context -> assertThat(context.getBean(RenderingProperties.class).timeZone())
                        .isEqualTo("America/La_Paz"));
        runner.withPropertyValues("sello.rendering.time-zone=Mars/Olympus").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("sello.rendering.time-zone");
        });
    }

    @Test
    void bindsTheVirtualizerSettingsAndRefusesANegativeThreshold() {
        runner.withPropertyValues("sello.rendering.virtualize-from-rows=0", "sello.rendering.virtualizer-pages=8")
                .run(context -> {
                    RenderingProperties bound = context.getBean(RenderingProperties.class);
                    assertThat(bound.virtualizeFromRows()).isZero();
                    assertThat(bound.virtualizerPages()).isEqualTo(8);
                });
        runner.withPropertyValues("sello.rendering.virtualize-from-rows=-1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("sello.rendering.virtualize-from-rows");
        });
    }

    @Test
    void bindsTheCompressionLevelAndRefusesOneOutsideZlibsRange() {
        runner.withPropertyValues("sello.rendering.compression-level=9")
                .run(context -> assertThat(
                                context.getBean(RenderingProperties.class).compressionLevel())
                        .isEqualTo(9));
        runner.withPropertyValues("sello.rendering.compression-level=10").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("sello.rendering.compression-level");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RenderingProperties.class)
    static class Properties {}
}
