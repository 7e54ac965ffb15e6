package io.sello.support;

import io.sello.DocumentTypesProperties;
import io.sello.Sello;
import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.Engines;
import io.sello.rendering.RenderingProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One engine and catalogue for the whole test JVM: loading templates and fonts once keeps the suite fast. */
public final class Fixtures {
    public static final Path SEED_EXAMPLE = Path.of("examples/poa-execution-form/senavex-2020-julio.json");
    public static final Path SEED_TEXT = Path.of("src/test/resources/seeds/000_b2160533a7bcd8c8.txt");

    private static DocumentRenderer renderer;
    private static DocumentRenderer htmlRenderer;
    private static DocumentTypes types;

    private Fixtures() {}

    public static synchronized DocumentRenderer renderer() {
        if (renderer == null) {
            renderer = Sello.jasperRenderer(RenderingProperties.defaults());
        }
        return renderer;
    }

    public static synchronized DocumentRenderer htmlRenderer() {
        if (htmlRenderer == null) {
            htmlRenderer = Sello.htmlRenderer(RenderingProperties.defaults());
        }
        return htmlRenderer;
    }

    public static synchronized DocumentTypes types() {
        if (types == null) {
            types = Sello.documentTypes(
                    new Engines(renderer(), htmlRenderer()), DocumentTypesProperties.DEFAULT_PACKAGES);
        }
        return types;
    }

    /**
     * A catalogued type built again on one engine of its own (a recorder, or a renderer with other settings), as the
     * catalogue builds it: the type classes are package-private (issue 18, point 4), so tests and benchmarks in other
     * packages reach them only through the catalogue. Only the type's own package is scanned, so no other type is
     * built on an engine it cannot use.
     */
    public static DocumentType type(String id, DocumentRenderer engine) {
        String typePackage = types().find(id).orElseThrow().getClass().getPackageName();
        return Sello.documentTypes(new Engines(engine, engine), List.of(typePackage))
                .find(id)
                .orElseThrow();
    }

    public static DocumentType poaForm() {
        return types().find("poa-execution-form").orElseThrow();
    }

    public static DocumentType amendment() {
        return types().find("agreement-amendment").orElseThrow();
    }

    public static DocumentType plan() {
        return types().find("operational-plan").orElseThrow();
    }

    public static byte[] seedExample() {
        return read(SEED_EXAMPLE);
    }

    public static String seedText() {
        return new String(read(SEED_TEXT), StandardCharsets.UTF_8);
    }

    public static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A small valid form: one funded activity, one unfunded, all three signatories. */
    public static String smallForm() {
        return """
                {
                  "header": {
                    "institution": "MINISTERIO DE PRUEBA",
                    "program": "PROGRAMACION DE OPERACIONES ANUAL",
                    "formTitle": "SEGUIMIENTO A LA EJECUCION FINANCIERA - MES DE MARZO",
                    "formCode": "FORMULARIO N.5.B",
                    "planLabel": "POA 2024",
                    "organizationalArea": "UNIDAD DE PLANIFICACIÓN",
                    "fiscalYear": 2024,
                    "cutOffDate": "2024-03-31",
                    "entityCode": "7",
                    "acronym": "UPL"
                  },
                  "activities": [
                    {
                      "code": "01.01.01.",
                      "specificActivity": "Capacitación en gestión pública",
                      "startDate": "2024-01-02",
                      "endDate": "2024-12-31",
                      "indicator": {"description": "Nro. de talleres", "cumulativeEfficacyPercent": 25},
                      "budgetLines": [
                        {"expenseGroup": "20000", "programmed": {"tgn": 1000.50, "otherSources": "200"},
                         "executed": {"tgn": "300.25", "otherSources": 0}},
                        {"expenseGroup": "30000", "programmed": {"tgn": "0.49", "otherSources": 0},
                         "executed": {"tgn": 0, "otherSources": 0}}
                      ]
                    },
                    {
                      "code": "01.01.02.",
                      "specificActivity": "Seguimiento sin presupuesto",
                      "startDate": "2024-02-01",
                      "endDate": "2024-02-29",
                      "indicator": {"description": "Porcentaje de Avance", "cumulativeEfficacyPercent": "0"}
                    }
                  ],
                  "signatories": [
                    {"role": "ELABORADO", "name": "Ana Quispe", "position": "Técnico de Planificación"},
                    {"role": "REVISADO", "name": "Luis Mamani", "position": "Jefe de Unidad"},
                    {"role": "APROBADO", "name": "Rosa Choque", "position": "Directora General"}
                  ]
                }
                """;
    }
}
