package io.sello.amendment;

import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.support.Fixtures;
import io.sello.support.Golden;
import io.sello.support.GoldenTest;
import io.sello.support.JsonTexts;
import io.sello.support.PdfDocument;
import io.sello.support.PdfLayout;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The amendment of seed 003, checked by what the PDF says. */
class AmendmentPdfTest {
    static final Path SEED = Path.of("examples/agreement-amendment/pcc-peru-2008.json");
    static final Path MINIMAL = Path.of("examples/agreement-amendment/minimal.json");
    /** The amendment itself; its annex follows with its own cover and page numbers. */
    private static final int AMENDMENT_PAGES = 2;

    private static RenderedDocument seed;
    private static PdfDocument pdf;
    /** The text with line breaks and justification spaces folded, as a reader would quote it. */
    private static String text;

    @BeforeAll
    static void render() {
        seed = Fixtures.amendment().render(Fixtures.read(SEED), RenderOptions.LENIENT);
        pdf = PdfDocument.of(seed.content());
        text = pdf.text().replaceAll("\\s+", " ");
    }

    @Test
    void titleBlockNamesThePartiesTheProjectAndItsValidity() {
        assertThat(pdf.page(1)).contains("ENMIENDA", "AL ACUERDO", "ENTRE", "RELATIVO AL PROYECTO");
        assertThat(text)
                .contains(
                        "LA CONFEDERACION SUIZA, REPRESENTADA POR LA EMBAJADA DE SUIZA - AGENCIA SUIZA PARA EL DESARROLLO Y LA COOPERACION (COSUDE)",
                        "LA REPUBLICA DEL PERU, REPRESENTADA POR EL MINISTERIO DE RELACIONES EXTERIORES - AGENCIA PERUANA DE COOPERACION INTERNACIONAL (APCI)",
                        "“Programa de Cooperación Comercial (PCC)”",
                        "Fase II - Vigencia del 1.9.2005 al 31.12.2008");
    }

    @Test
    void articlesStateAmountsInFiguresAndInWords() {
        assertThat(text)
                .contains(
                        "Artículo 1.- Mediante la presente Enmienda se modifica el primer párrafo",
                        "\"ARTICULO QUINTO",
                        "APORTE FINANCIERO DE LAS PARTES",
                        "5.1 SECO (representado por COSUDE)",
                        "\"ARTICULO DECIMO SEPTIMO",
                        "DURACION DEL ACUERDO",
                        "hasta el 31 de diciembre de 2008.",
                        "Artículo 2.- Queda expresamente estipulado",
                        "Artículo 3.- La presente Enmienda tendrá efectos retroactivos");
        String compact = pdf.text().replaceAll("\\s+", "");
        for (String amount : new String[] {
            "US$ 83,290.00 (ochenta y tres mil doscientos noventa y 00/100 Dólares americanos)",
            "CHF 87,460.00 (ochenta y siete mil cuatrocientos sesenta y 00/100 Francos suizos)",
            "US$ 3,283,290.00 (tres millones doscientos ochenta y tres mil doscientos noventa y 00/100 Dólares americanos)",
            "CHF 4,087,460.00 (cuatro millones ochenta y siete mil cuatrocientos sesenta y 00/100 Francos suizos)"
        }) {
            assertThat(compact).contains(amount.replaceAll("\\s+", ""));
        }
    }

    @Test
    void signingPlaceDateAndBothSignatureBlocksCloseIt() {
        // es-PE spells September "setiembre"; the signing date itself is in March
        assertThat(text)
                .contains(
                        "Suscrito en la ciudad de Lima, el 11 de marzo de 2009, en dos ejemplares, siendo ambos igualmente auténticos y válidos.");
        String last = pdf.page(AMENDMENT_PAGES);
        assertThat(last)
                .contains(
                        "POR LA REPUBLICA DEL PERU",
                        "POR SUIZA",
                        "Lic. Carlos Pando Sánchez",
                        "Director Ejecutivo de la APCI",
                        "Dr. Peter Müller",
                        "Embajador de Suiza",
                        "Anexo: Plan Operativo de ampliación (setiembre – diciembre 2008)");
        for (int n = 1; n <= AMENDMENT_PAGES; n++) {
            assertThat(pdf.page(n)).contains("Página " + n + " de " + AMENDMENT_PAGES);
        }
        assertThat(seed.fileName()).isEqualTo("ENMIENDA_Programa-de-Cooperacion-Comercial-PCC_2009-03-11.pdf");
    }

    @Test
    void everyFontIsEmbedded() {
        pdf.assertEveryFontEmbedded();
    }

    @Test
    void minimalAmendmentHasNoAnnex() {
        PdfDocument minimal = PdfDocument.of(Fixtures.amendment()
                .render(Fixtures.read(MINIMAL), RenderOptions.STRICT)
                .content());
        assertThat(minimal.pageCount()).isEqualTo(1);
        assertThat(minimal.text().replaceAll("\\s+", ""))
                .contains("US$1,000.00(mily00/100Dólaresamericanos)", "PORLAPARTEA", "AnaQuispe")
                .doesNotContain("Anexo");
    }

    @Test
    void thePlanOperativoAnnexFollowsWithEveryFigureOfItsTables() {
        int annexPages = pdf.pageCount() - AMENDMENT_PAGES;
        assertThat(annexPages).isGreaterThan(20);
        assertThat(pdf.page(AMENDMENT_PAGES + 1).replaceAll("\\s+", " "))
                .contains("Programa de Cooperación Comercial con el Perú", "Lima, Setiembre 2008");
        assertThat(pdf.page(AMENDMENT_PAGES + 2)).startsWith("Índice").contains("Página 2 de " + annexPages);
        JsonNode annex =
                JsonMapper.builder().build().readTree(Fixtures.read(SEED)).get("annex");
        List<String> expected = JsonTexts.of(annex.get("sections"));
        assertThat(expected).hasSizeGreaterThan(1000);
        assertThat(JsonTexts.missingFrom(pdf, expected)).isEmpty();
    }

    @Test
    void theRequestsFiguresFieldReachesTheAnnexTables() {
        // Default: the annex prints seed 003's Total Fase II (US$) 1'288,584 (rounding) and says so in a warning.
        assertThat(text).contains("1,288,584").doesNotContain("1,288,583");
        assertThat(seed.warnings())
                .filteredOn(w -> w.code().equals("rounding-declared-printed"))
                .hasSize(39);
        String computed = new String(Fixtures.read(SEED), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"figures\": \"computed\",");
        RenderedDocument rendered =
                Fixtures.amendment().render(computed.getBytes(StandardCharsets.UTF_8), RenderOptions.LENIENT);
        assertThat(PdfDocument.of(rendered.content()).text())
                .contains("1,288,583")
                .doesNotContain("1,288,584");
        assertThat(rendered.warnings()).noneMatch(w -> w.code().equals("rounding-declared-printed"));
    }

    @Test
    void theAnnexExampleIsTheOperationalPlanExample() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode annex = json.readTree(Fixtures.read(SEED)).get("annex");
        var plan = (ObjectNode)
                json.readTree(Fixtures.read(Path.of("examples/operational-plan/pcc-plan-operativo-2008.json")));
        plan.remove("$schema");
        assertThat(annex)
                .as("keep examples/agreement-amendment/pcc-peru-2008.json's annex in step with the plan example")
                .isEqualTo(plan);
    }

    @Test
    void bookmarksCoverTheAnnexSections() throws IOException {
        try (var document = Loader.loadPDF(seed.content())) {
            var outline = document.getDocumentCatalog().getDocumentOutline();
            assertThat(outline).isNotNull();
            List<String> titles = new ArrayList<>();
            outline.children().forEach(item -> titles.add(item.getTitle()));
            assertThat(titles)
                    .contains("Índice", "Abreviaciones", "Plan Operativo PCC 2005 – 2008", "E. Monitoreo y Evaluación");
            assertThat(outline.getFirstChild().findDestinationPage(document))
                    .isEqualTo(document.getPage(AMENDMENT_PAGES + 1));
        }
    }

    @GoldenTest
    void layoutMatchesTheApprovedOnes() {
        Golden.assertMatches(
                "agreement-amendment/minimal.layout.txt",
                PdfLayout.of(Fixtures.amendment()
                        .render(Fixtures.read(MINIMAL), RenderOptions.STRICT)
                        .content()));
    }
}
