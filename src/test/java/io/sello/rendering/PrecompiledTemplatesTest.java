package io.sello.rendering;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The build compiles every JRXML, so that neither start-up nor the first request compiles anything. */
class PrecompiledTemplatesTest {

    @Test
    void everyTemplateShipsPrecompiled() {
        ClassLoader loader = getClass().getClassLoader();
        for (String name : new String[] {"poa-execution-form/poa-execution-form"}) {
            assertThat(loader.getResource("report-templates/" + name + ".jasper"))
                    .as(name)
                    .isNotNull();
        }
    }
}
