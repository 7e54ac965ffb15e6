package io.sello.cli;

import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SelloCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final SelloCli cli = new SelloCli(
            Fixtures::types,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void rendersTheSeedExample(@TempDir Path dir) {
        Path pdf = dir.resolve("out.pdf");
        int code = cli.run(
                new String[] {"render", "poa-execution-form", Fixtures.SEED_EXAMPLE.toString(), "-o", pdf.toString()});
        assertThat(code).isEqualTo(SelloCli.OK);
        assertThat(PdfDocument.of(Fixtures.read(pdf)).text()).contains("TOTAL GENERAL");
        assertThat(out()).contains("wrote " + pdf, "warning  /activities/36/code [duplicate-activity-code]");
    }

    @Test
    void rendersTheAmendmentExample(@TempDir Path dir) {
        Path pdf = dir.resolve("enmienda.pdf");
        int code = cli.run(new String[] {
            "render", "agreement-amendment", "examples/agreement-amendment/pcc-peru-2008.json", "-o", pdf.toString()
        });
        // Seed 003's annex has 8 declared budget figures that do not add up: refused unless lenient.
        assertThat(code).isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(pdf).doesNotExist();
        code = cli.run(new String[] {
            "render",
            "agreement-amendment",
            "examples/agreement-amendment/pcc-peru-2008.json",
            "-o",
            pdf.toString(),
            "--lenient"
        });
        assertThat(code).isEqualTo(SelloCli.OK);
        assertThat(PdfDocument.of(Fixtures.read(pdf)).text()).contains("ENMIENDA", "Nota de discrepancia");
        assertThat(cli.run(
                        new String[] {"validate", "agreement-amendment", "examples/agreement-amendment/minimal.json"}))
                .isEqualTo(SelloCli.OK);
        Path plan = dir.resolve("plan.pdf");
        assertThat(cli.run(new String[] {
                    "render", "operational-plan", "examples/operational-plan/small-plan.json", "-o", plan.toString()
                }))
                .isEqualTo(SelloCli.OK);
        assertThat(PdfDocument.of(Fixtures.read(plan)).text()).contains("Índice");
        assertThat(cli.run(new String[] {
                    "validate", "operational-plan", "examples/operational-plan/pcc-plan-operativo-2008.json"
                }))
                .isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(out()).contains("8 declared figure(s) wrong beyond rounding, 39 rounding difference(s)");
    }

    @Test
    void validatePrintsErrorsWithPointersAndExitsOne(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("bad.json");
        Files.writeString(input, Fixtures.smallForm().replace("\"2024-03-31\"", "\"2024-02-30\""));
        assertThat(cli.run(new String[] {"validate", "poa-execution-form", input.toString()}))
                .isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(out()).contains("error    /header/cutOffDate: expected a real date", "invalid: 1 error(s)");
    }

    /** A file is as untrusted as an HTTP body: the same streaming limits (sello.limits.* defaults) come first. */
    @Test
    void inputBeyondTheLimitsIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, "{\"a\": " + "[".repeat(40) + "]".repeat(40) + "}");
        Path pdf = dir.resolve("out.pdf");
        assertThat(cli.run(new String[] {"validate", "poa-execution-form", deep.toString()}))
                .isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(cli.run(new String[] {"render", "poa-execution-form", deep.toString(), "-o", pdf.toString()}))
                .isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(pdf).doesNotExist();
        assertThat(out()).contains("error    /a/0/0/0", "nested at most 32 deep", "nothing written");
        Path folder = Files.createDirectories(dir.resolve("lote"));
        Files.copy(deep, folder.resolve("deep.json"));
        assertThat(cli.run(new String[] {
                    "render",
                    "poa-execution-form",
                    folder.toString(),
                    "-o",
                    dir.resolve("pdfs").toString()
                }))
                .isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(out()).contains("deep.json");
    }

    @Test
    void aTotalTooLargeToPrintWritesNothingAndExitsThree(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("large.json");
        Files.writeString(input, Fixtures.smallForm().replace("\"tgn\": 1000.50", "\"tgn\": \"999999999999.99\""));
        Path pdf = dir.resolve("out.pdf");
        assertThat(cli.run(new String[] {
                    "render", "poa-execution-form", input.toString(), "-o", pdf.toString(), "--lenient"
                }))
                .isEqualTo(SelloCli.FAILURE);
        assertThat(pdf).doesNotExist();
        assertThat(out()).contains("error    /declaredTotals/general/programmed: TOTAL GENERAL", "cannot produce:");
    }

    @Test
    void validateOfTheSeedIsValidWithWarnings() {
        assertThat(cli.run(new String[] {"validate", "poa-execution-form", Fixtures.SEED_EXAMPLE.toString()}))
                .isEqualTo(SelloCli.OK);
        assertThat(out()).contains("valid: 0 rounding difference(s), 6 warning(s)", "[text-repaired]");
    }

    @Test
    void renderWritesNothingForInvalidInput(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("bad.json");
        Files.writeString(input, "{\"header\": ");
        Path pdf = dir.resolve("out.pdf");
        assertThat(cli.run(new String[] {"render", "poa-execution-form", input.toString(), "-o", pdf.toString()}))
                .isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(pdf).doesNotExist();
        assertThat(out()).contains("malformed JSON", "nothing written");
    }

    @Test
    void mismatchedTotalsNeedLenient(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("totals.json");
        Files.writeString(
                input,
                Fixtures.smallForm()
                        .replace(
                                "\"signatories\"",
                                "\"declaredTotals\": {\"general\": {\"executed\": \"1.00\"}}, \"signatories\""));
        Path pdf = dir.resolve("out.pdf");
        assertThat(cli.run(new String[] {"render", "poa-execution-form", input.toString(), "-o", pdf.toString()}))
                .isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(out())
                .contains("mismatch [error]    /declaredTotals/general/executed: declared 1.00, computed 300.25");
        assertThat(cli.run(new String[] {
                    "render", "poa-execution-form", input.toString(), "-o", pdf.toString(), "--lenient"
                }))
                .isEqualTo(SelloCli.OK);
        assertThat(pdf).exists();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(cli.run(new String[] {})).isEqualTo(SelloCli.USAGE);
        assertThat(cli.run(new String[] {"render", "poa-execution-form", "x.json"}))
                .isEqualTo(SelloCli.USAGE);
        assertThat(cli.run(new String[] {"validate", "poa-execution-form", "does-not-exist.json"}))
                .isEqualTo(SelloCli.USAGE);
        assertThat(cli.run(new String[] {"validate", "no-such-type", Fixtures.SEED_EXAMPLE.toString()}))
                .isEqualTo(SelloCli.USAGE);
        assertThat(cli.run(
                        new String[] {"validate", "poa-execution-form", Fixtures.SEED_EXAMPLE.toString(), "--frobnicate"
                        }))
                .isEqualTo(SelloCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "Usage: java -jar sello.jar validate",
                        "unknown document type \"no-such-type\"",
                        "Unknown option: '--frobnicate'");
    }

    @Test
    void helpIsGeneratedPerCommandAndListsTheCatalogue() {
        assertThat(cli.run(new String[] {"--help"})).isEqualTo(SelloCli.OK);
        assertThat(cli.run(new String[] {"render", "--help"})).isEqualTo(SelloCli.OK);
        assertThat(cli.run(new String[] {"help", "sign"})).isEqualTo(SelloCli.OK);
        // the types listed are the catalogue's, with the formats each is delivered in
        String help = out();
        for (var type : Fixtures.types().all()) {
            assertThat(help).containsPattern(type.id().value() + " +pdf");
        }
        assertThat(help)
                .contains(
                        "budget-summary",
                        "pdf, xlsx, csv",
                        "Usage: java -jar sello.jar render",
                        "--lenient",
                        "Usage: java -jar sello.jar sign",
                        "--role=ELABORADO|REVISADO|APROBADO",
                        "SELLO_KEYSTORE_PASSWORD",
                        "Exit codes:",
                        "3   the document could not be produced or written");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void argumentErrorsOfEveryCommandExitTwo(@TempDir Path dir) {
        String seed = Fixtures.SEED_EXAMPLE.toString();
        assertThat(cli.run(new String[] {
                    "render",
                    "poa-execution-form",
                    seed,
                    "-o",
                    dir.resolve("x.pdf").toString(),
                    "--format",
                    "docx"
                }))
                .isEqualTo(SelloCli.USAGE);
        assertThat(cli.run(new String[] {
                    "render", "poa-execution-form", seed, seed, "-o", dir.toString(), "--format", "csv"
                }))
                .isEqualTo(SelloCli.USAGE);
        assertThat(cli.run(new String[] {"validate", "poa-execution-form", seed, seed}))
                .isEqualTo(SelloCli.USAGE);
        assertThat(cli.run(
                        new String[] {"sign", seed, "--role", "FIRMADO", "--name", "A", "--position", "B", "-o", "x.pdf"
                        }))
                .isEqualTo(SelloCli.USAGE);
        assertThat(cli.run(new String[] {"sign", seed, "--role", "ELABORADO"})).isEqualTo(SelloCli.USAGE);
        assertThat(cli.run(new String[] {"verify"})).isEqualTo(SelloCli.USAGE);
        assertThat(cli.run(new String[] {"verify", dir.resolve("missing.pdf").toString()}))
                .isEqualTo(SelloCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "error: Invalid value for option '--format'",
                        "poa-execution-form is not delivered as csv",
                        "Unmatched argument",
                        "expected one of [ELABORADO, REVISADO, APROBADO]",
                        "Missing required options: '--name",
                        "Missing required parameter: '<file.pdf>'",
                        "error: cannot read")
                .doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
        assertThat(out()).isEmpty();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validatePrintsTheBudgetReconciliationForAPerson() {
        assertThat(cli.run(
                        new String[] {"validate", "budget-summary", "examples/budget-summary/cuadro-1-programa.json"}))
                .isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(out())
                .contains(
                        "mismatch [error]    programa-por-anio · «Fondo concursable, temas macro» · Total: declared 370000, computed 253000,"
                                + " difference 117000 (rounding tolerance ±3)  /tables/0/rows/18/declared/total",
                        "invalid: 0 error(s), 3 declared figure(s) wrong beyond rounding, 0 rounding difference(s), 0 warning(s)");
        assertThat(cli.run(
                        new String[] {"validate", "budget-summary", "examples/budget-summary/resumen-subproyectos.json"
                        }))
                .isEqualTo(SelloCli.OK);
        assertThat(out())
                .contains(
                        "mismatch [rounding] resumen-subproyectos-1-2-1-3 · «AMPEX» · Total Disponible Sep a Dic 2008 (US$):"
                                + " declared 0, computed -1, difference 1 (rounding tolerance ±2.5)",
                        "valid: 13 rounding difference(s), 0 warning(s)");
    }

    @Test
    void theOutputFileNamesTheFormat(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("resumen.csv");
        assertThat(cli.run(new String[] {
                    "render",
                    "budget-summary",
                    "examples/budget-summary/resumen-subproyectos.json",
                    "-o",
                    csv.toString()
                }))
                .isEqualTo(SelloCli.OK);
        assertThat(Files.readString(csv)).startsWith("table,row,kind");
        Path xlsx = dir.resolve("form.xlsx");
        assertThat(cli.run(new String[] {
                    "render", "poa-execution-form", Fixtures.SEED_EXAMPLE.toString(), "-o", xlsx.toString()
                }))
                .isEqualTo(SelloCli.USAGE);
        assertThat(xlsx).doesNotExist();
    }

    @Test
    void aFolderRendersWithProgressAndCarriesOnPastBadInputs(@TempDir Path dir) throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("examples/budget-summary/resumen-subproyectos.json"), inputs.resolve("a-resumen.json"));
        Files.writeString(inputs.resolve("b-broken.json"), "{\"title\": ");
        Files.copy(Path.of("examples/budget-summary/cuadro-1-programa.json"), inputs.resolve("c-cuadro1.json"));
        Files.copy(Path.of("examples/budget-summary/anexo-1-bienes-y-servicios.json"), inputs.resolve("d-anexo.json"));
        Path outFolder = dir.resolve("out");
        int code = cli.run(new String[] {
            "render", "budget-summary", inputs.toString(), "-o", outFolder.toString(), "--format", "csv"
        });
        assertThat(code).isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(out())
                .contains(
                        "[1/4] a-resumen.json -> ",
                        "[2/4] b-broken.json FAILED: ",
                        "[3/4] c-cuadro1.json FAILED: 3 declared figure(s) wrong",
                        "[4/4] d-anexo.json -> ",
                        "rendered 2 of 4; failed:");
        assertThat(outFolder.resolve("a-resumen.csv")).exists();
        assertThat(outFolder.resolve("d-anexo.csv")).exists();
        assertThat(outFolder.resolve("b-broken.csv")).doesNotExist();
        assertThat(cli.run(new String[] {
                    "render",
                    "budget-summary",
                    inputs.resolve("c-cuadro1.json").toString(),
                    inputs.resolve("a-resumen.json").toString(),
                    "-o",
                    outFolder.toString(),
                    "--lenient"
                }))
                .isEqualTo(SelloCli.OK);
        assertThat(outFolder.resolve("c-cuadro1.pdf")).exists();
    }

    @Test
    void theFiguresFieldOfTheRequestChoosesWhatPrints(@TempDir Path dir) throws IOException {
        // Seed 003: Total Fase II (US$) is 1'288,584 on paper; its rows add up to 1,288,583 (rounding).
        Path declared = Files.createDirectories(dir.resolve("in")).resolve("a-declared.json");
        Files.copy(Path.of("examples/budget-summary/resumen-subproyectos.json"), declared);
        Path computed = dir.resolve("in").resolve("b-computed.json");
        Files.writeString(computed, Files.readString(declared).replaceFirst("\\{", "{\"figures\": \"computed\","));
        Path pdf = dir.resolve("declared.pdf");
        assertThat(cli.run(new String[] {"render", "budget-summary", declared.toString(), "-o", pdf.toString()}))
                .isEqualTo(SelloCli.OK);
        assertThat(PdfDocument.of(Fixtures.read(pdf)).text())
                .contains("1,288,584", "Las cifras pueden no sumar exactamente debido al redondeo.")
                .doesNotContain("1,288,583");
        assertThat(out()).contains("13 warning(s)", "[rounding-declared-printed]");
        pdf = dir.resolve("computed.pdf");
        assertThat(cli.run(new String[] {"render", "budget-summary", computed.toString(), "-o", pdf.toString()}))
                .isEqualTo(SelloCli.OK);
        assertThat(PdfDocument.of(Fixtures.read(pdf)).text())
                .contains("1,288,583")
                .doesNotContain("1,288,584", "no sumar exactamente");
        // A folder renders each file with its own choice.
        Path folder = dir.resolve("out");
        assertThat(cli.run(new String[] {
                    "render", "budget-summary", dir.resolve("in").toString(), "-o", folder.toString()
                }))
                .isEqualTo(SelloCli.OK);
        assertThat(PdfDocument.of(Fixtures.read(folder.resolve("a-declared.pdf")))
                        .text())
                .contains("1,288,584");
        assertThat(PdfDocument.of(Fixtures.read(folder.resolve("b-computed.pdf")))
                        .text())
                .contains("1,288,583");
        // A value not listed is refused naming the allowed ones.
        Files.writeString(computed, Files.readString(declared).replaceFirst("\\{", "{\"figures\": \"paper\","));
        assertThat(cli.run(new String[] {"validate", "budget-summary", computed.toString()}))
                .isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(out())
                .contains("/figures", "expected one of [declared-within-rounding, computed] but got \"paper\"");
    }
}
