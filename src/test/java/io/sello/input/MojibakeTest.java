package io.sello.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MojibakeTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // the faults of seed 000
                "NÂ° Solicitudes Aprobadas/NÂ° Solicitudes Recibidas | N° Solicitudes Aprobadas/N° Solicitudes Recibidas",
                "Nro. de Actualizaciones por AÃ±o | Nro. de Actualizaciones por Año",
                // other Spanish letters, and a Windows-1252 smart quote (three bytes)
                "GestiÃ³n de InformaciÃ³n | Gestión de Información",
                "CapacitaciÃ³n â€“ fase 2 | Capacitación – fase 2",
                "PequeÃ±a EMPRESA Ã‘ANDÃš | Pequeña EMPRESA ÑANDÚ",
            })
    void repairsUtf8ThatWasDecodedAsLatin1(String broken, String repaired) {
        assertThat(Mojibake.repair(broken)).contains(repaired);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "N° Solicitudes",
                "Nº Certificados Emitidos",
                "Ñandú",
                "Año 2020",
                "1º de mayo",
                "¿Cuántos?",
                "plain ASCII",
                "Â",
                "Ã at the end Ã",
                "Ã( is not a sequence"
            })
    void leavesCorrectTextAlone(String text) {
        assertThat(Mojibake.repair(text)).isEmpty();
    }

    @Test
    void repairsOnlyTheBrokenPartOfMixedText() {
        assertThat(Mojibake.repair("Año y AÃ±o")).contains("Año y Año");
    }
}
