package io.sello.document;

import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the verification page shows above the signatures, from each type's own data (issue 15, point 5). */
class DocumentSummaryTest {

    private static DocumentSummary summary(String type, String example) throws Exception {
        return Fixtures.types().find(type).orElseThrow().summary(Files.readAllBytes(Path.of(example)));
    }

    @Test
    void formulario5bShowsItsTitleInstitutionCodeAndCutOffDate() throws Exception {
        assertThat(summary("poa-execution-form", "examples/poa-execution-form/senavex-2020-julio.json"))
                .isEqualTo(new DocumentSummary(
                        "SEGUIMIENTO A LA EJECUCION FINANCIERA - MES DE JULIO",
                                "MINISTERIO DE DESARROLLO PRODUCTIVO Y ECONOMIA PLURAL — SENAVEX",
                        "FORMULARIO N.5.B · ANTEPROYECTO POA 2020", "07/07/2021"));
    }

    @Test
    void anAmendmentShowsItsPartiesProjectAndSigning() throws Exception {
        assertThat(summary("agreement-amendment", "examples/agreement-amendment/pcc-peru-2008.json"))
                .isEqualTo(new DocumentSummary(
                        "ENMIENDA AL ACUERDO",
                        "LA CONFEDERACION SUIZA y LA REPUBLICA DEL PERU",
                        "Programa de Cooperación Comercial (PCC), Fase II",
                        "Lima, 11/03/2009"));
    }

    @Test
    void aPlanAndABudgetSummaryShowTheirCoverInTheirOwnWords() throws Exception {
        assertThat(summary("operational-plan", "examples/operational-plan/pcc-plan-operativo-2008.json"))
                .isEqualTo(new DocumentSummary(
                        "Plan Operativo de ampliación",
                        "Programa de Cooperación Comercial con el Perú",
                        "Extensión Período: SETIEMBRE-DICIEMBRE 2008",
                        "Lima, Setiembre 2008"));
        assertThat(summary("budget-summary", "examples/budget-summary/cuadro-1-programa.json"))
                .isEqualTo(new DocumentSummary(
                        "Plan Operativo PCC 2005 – 2008",
                        "Programa de Cooperación Comercial con el Perú",
                        "Periodo de extensión: Setiembre- Diciembre 2008",
                        "Lima, Setiembre 2008"));
    }

    /** A record stored under an older contract must not break the page: it names the kind of document instead. */
    @Test
    void dataThatNoLongerReadsGivesTheTypesTitle() {
        for (DocumentType type : Fixtures.types().all()) {
            assertThat(type.summary("{\"unexpected\": true}".getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(new DocumentSummary(type.title(), "", "", ""));
            assertThat(type.summary("not json".getBytes(StandardCharsets.UTF_8)).title())
                    .isEqualTo(type.title());
        }
    }
}
