package io.sello.form;

import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.TotalsMismatchException;
import io.sello.document.Warning;
import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.sello.support.Fixtures.smallForm;
import static io.sello.support.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Formulario N.5.B for seed 000, checked by what the PDF says. */
class PoaFormPdfTest {
    private static RenderedDocument seed;
    private static PdfDocument pdf;

    @BeforeAll
    static void render() {
        seed = Fixtures.poaForm().render(Fixtures.seedExample(), RenderOptions.STRICT);
        pdf = PdfDocument.of(seed.content());
    }

    @Test
    void titleBlockAndColumnHeadingsRepeatOnEveryPage() {
        assertThat(pdf.pageCount()).isEqualTo(4);
        for (int n = 1; n <= pdf.pageCount(); n++) {
            assertThat(pdf.page(n))
                    .as("page %d", n)
                    .contains(
                            "MINISTERIO DE DESARROLLO PRODUCTIVO Y ECONOMIA PLURAL",
                            "PROGRAMACION DE OPERACIONES ANUAL",
                            "SEGUIMIENTO A LA EJECUCION FINANCIERA - MES DE JULIO",
                            "(FORMULARIO N.5.B)",
                            "ANTEPROYECTO POA 2020",
                            "Area Organizacional",
                            "SERVICIO NACIONAL DE VERIFICACION DE EXPORTACIONES",
                            "Gestión del POA",
                            "2020",
                            "Fecha de Corte",
                            "7/7/2021",
                            "Código(*)",
                            "41",
                            "Sigla",
                            "SENAVEX",
                            "Página " + n + " de " + pdf.pageCount());
            for (String number :
                    new String[] {"(1)", "(2)", "(3)", "(4)", "(5)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)", "(13)"
                    }) {
                assertThat(pdf.page(n)).as("column %s on page %d", number, n).contains(number);
            }
            assertThat(pdf.page(n)).as("the official form has no column (6)").doesNotContain("(6)");
        }
    }

    @Test
    void everyActivityCodeAndEveryAmountOfTheSeedIsPrinted() {
        String seedText = Fixtures.seedText();
        Set<String> codes = matches(Pattern.compile("\\| (\\d\\d\\.\\d\\d\\.\\d\\d\\.) "), seedText);
        Set<String> amounts = matches(Pattern.compile("(\\d{1,3}(?:,\\d{3})*\\.\\d\\d)"), seedText);
        assertThat(codes).hasSize(39);
        assertThat(amounts).contains("1,237,022.00", "7,769,063.00", "13,614,893.00");
        assertThat(pdf.text()).contains(codes).contains(amounts);
        // 11.04.01. is repeated four times in the seed, and rendered as sent
        assertThat(pdf.text().split("11\\.04\\.01\\.", -1)).hasSize(5);
    }

    @Test
    void totalsAreComputedAndTheSignatureBlockEndsTheLastPage() {
        String last = pdf.page(pdf.pageCount());
        assertThat(last).containsPattern("TOTAL PARCIAL\\s+13,614,893.00 0.00 0.00 0.00 0.00");
        assertThat(last).containsPattern("TOTAL GENERAL\\s+13,614,893.00 0.00 0.00");
        assertThat(last)
                .contains(
                        "RESPONSABLES DE LA INFORMACION",
                        "NOMBRE",
                        "CARGO",
                        "FIRMA",
                        "Elaborado por:",
                        "Revisado por:",
                        "Aprobado por:");
        for (int n = 1; n < pdf.pageCount(); n++) {
            assertThat(pdf.page(n)).doesNotContain("RESPONSABLES DE LA INFORMACION", "TOTAL GENERAL");
        }
        assertThat(pdf.text())
                .contains("TOTAL 2,290,698.00")
                .contains("TOTAL 7,769,063.00")
                .contains("TOTAL 2,915,048.00");
    }

    @Test
    void repairedTextIsPrintedAndDatesFollowTheSeed() {
        assertThat(pdf.text())
                .contains("N° Solicitudes", "Aprobadas/N° Solicitudes", "Nro. de Actualizaciones por", "Año")
                .doesNotContain("Â", "Ã");
        assertThat(pdf.page(1)).contains("02/01/20 31/12/20");
    }

    @Test
    void everyFontIsEmbedded() {
        pdf.assertEveryFontEmbedded();
    }

    @Test
    void warningsReportTheSeedFaults() {
        assertThat(seed.warnings())
                .extracting(Warning::code)
                .containsOnly("text-repaired", "duplicate-activity-code")
                .hasSize(6);
        assertThat(seed.fileName()).isEqualTo("FORMULARIO-N.5.B_SENAVEX_2020_2021-07-07.pdf");
    }

    @Test
    void signatoriesArePrintedInTheirRows() {
        PdfDocument small = PdfDocument.of(Fixtures.poaForm()
                .render(utf8(smallForm()), RenderOptions.STRICT)
                .content());
        assertThat(small.text())
                .containsPattern("Elaborado por:\\s+Ana Quispe\\s+Técnico de Planificación")
                .containsPattern("Aprobado por:\\s+Rosa Choque\\s+Directora General")
                .contains("TOTAL 1,000.99 200.00 300.25 0.00")
                .contains("UNIDAD DE PLANIFICACIÓN");
    }

    @Test
    void strictModeRefusesDeclaredTotalsThatDifferAndLenientModePrintsTheComputedOnes() {
        byte[] wrong = utf8(new String(Fixtures.seedExample(), StandardCharsets.UTF_8)
                .replace("\"programmed\": \"13614893.00\"", "\"programmed\": \"13614894.00\""));
        assertThatThrownBy(() -> Fixtures.poaForm().render(wrong, RenderOptions.STRICT))
                .isInstanceOfSatisfying(
                        TotalsMismatchException.class,
                        e -> assertThat(e.mismatches())
                                .singleElement()
                                .satisfies(
                                        m -> assertThat(m.pointer()).isEqualTo("/declaredTotals/general/programmed")));
        RenderedDocument lenient = Fixtures.poaForm().render(wrong, RenderOptions.LENIENT);
        assertThat(lenient.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("total-mismatch");
            assertThat(w.pointer()).isEqualTo("/declaredTotals/general/programmed");
        });
        assertThat(PdfDocument.of(lenient.content()).text())
                .contains("13,614,893.00")
                .doesNotContain("13,614,894.00");
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
