package io.sello.form;

import io.sello.document.RenderOptions;
import io.sello.support.Fixtures;
import io.sello.support.Golden;
import io.sello.support.GoldenTest;
import io.sello.support.PdfLayout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Layout golden files for report-templates/poa-execution-form (refresh: scripts/approve-golden.sh). */
class PoaFormGoldenTest {

    @GoldenTest
    void seedLayoutMatchesTheApprovedOne() {
        byte[] pdf = Fixtures.poaForm()
                .render(Fixtures.seedExample(), RenderOptions.STRICT)
                .content();
        Golden.assertMatches("poa-execution-form/senavex-2020-julio.layout.txt", PdfLayout.of(pdf));
    }

    @GoldenTest
    void smallFormLayoutMatchesTheApprovedOne() {
        byte[] pdf = Fixtures.poaForm()
                .render(Fixtures.utf8(Fixtures.smallForm()), RenderOptions.STRICT)
                .content();
        Golden.assertMatches("poa-execution-form/small-form.layout.txt", PdfLayout.of(pdf));
    }

    @Test
    void renderingIsDeterministic() {
        byte[] json = Fixtures.seedExample();
        String first = PdfLayout.of(
                Fixtures.poaForm().render(json, RenderOptions.STRICT).content());
        String second = PdfLayout.of(
                Fixtures.poaForm().render(json, RenderOptions.STRICT).content());
        assertThat(second).isEqualTo(first);
    }
}
