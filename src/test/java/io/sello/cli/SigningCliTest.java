package io.sello.cli;

import io.sello.signing.Keystores;
import io.sello.support.CraftedPdfs;
import io.sello.support.Fixtures;
import io.sello.support.Processes;
import io.sello.support.Tampering;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The three sign-offs from the command line, with a keystore whose password comes from the environment. */
class SigningCliTest {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private SelloCli cli(Map<String, String> environment) {
        stdout.reset();
        stderr.reset();
        return new SelloCli(
                Fixtures::types,
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                environment::get,
                Clock.fixed(Instant.parse("2021-07-07T16:00:00Z"), ZoneOffset.UTC));
    }

    private static final String PASSWORD = "s3cret-pass";

    private static Path signerKeystore(Path dir) throws Exception {
        Path keystore = dir.resolve("signer.p12");
        Keystores.generateDevelopment(keystore, PASSWORD.toCharArray(), "CLI signer");
        return keystore;
    }

    /** Seed 000's Formulario N.5.B rendered by the CLI into {@code dir}. */
    private Path renderedForm(Path dir, Map<String, String> env) {
        Path form = dir.resolve("form.pdf");
        assertThat(cli(env).run(new String[] {
                    "render", "poa-execution-form", Fixtures.SEED_EXAMPLE.toString(), "-o", form.toString()
                }))
                .isEqualTo(SelloCli.OK);
        return form;
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void renderSignThreeTimesAndVerify(@TempDir Path dir) throws Exception {
        Path keystore = signerKeystore(dir);
        Map<String, String> env = Map.of(SigningCommands.PASSWORD_VARIABLE, PASSWORD);
        Path form = renderedForm(dir, env);

        Path wrongOrder = dir.resolve("wrong.pdf");
        assertThat(cli(env).run(new String[] {
                    "sign",
                    form.toString(),
                    "--role",
                    "REVISADO",
                    "--name",
                    "Luis Mamani",
                    "--position",
                    "Jefe",
                    "-o",
                    wrongOrder.toString(),
                    "--keystore",
                    keystore.toString()
                }))
                .isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(out()).contains("refused: the next sign-off is ELABORADO, not REVISADO");
        assertThat(wrongOrder).doesNotExist();

        Path current = form;
        String[][] steps = {
            {"ELABORADO", "Ana Quispe", "Técnico"},
            {"REVISADO", "Luis Mamani", "Jefe"},
            {"APROBADO", "Rosa Choque", "Directora"}
        };
        for (String[] step : steps) {
            Path next = dir.resolve(step[0] + ".pdf");
            int code = cli(env).run(new String[] {
                "sign",
                current.toString(),
                "--role",
                step[0],
                "--name",
                step[1],
                "--position",
                step[2],
                "-o",
                next.toString(),
                "--keystore",
                keystore.toString()
            });
            assertThat(code).as(out() + stderr.toString(StandardCharsets.UTF_8)).isEqualTo(SelloCli.OK);
            assertThat(out()).contains("signed " + step[0] + " as " + step[1]);
            current = next;
        }

        assertThat(cli(env).run(new String[] {"verify", current.toString()})).isEqualTo(SelloCli.OK);
        JsonNode report = JsonMapper.builder().build().readTree(out());
        assertThat(report.get("intact").booleanValue()).isTrue();
        assertThat(report.get("report").get("signatures"))
                .extracting(
                        s -> s.get("step").stringValue() + " " + s.get("signer").stringValue())
                .containsExactly("ELABORADO Ana Quispe", "REVISADO Luis Mamani", "APROBADO Rosa Choque");
        String pdfsig = Processes.run("pdfsig", current.toString());
        assertThat(pdfsig.split("Signature is Valid", -1)).hasSize(4);

        byte[] bytes = Tampering.flipByteInFirstStream(Files.readAllBytes(current));
        Path tampered = dir.resolve("tampered.pdf");
        Files.write(tampered, bytes);
        assertThat(cli(env).run(new String[] {"verify", tampered.toString()})).isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(out()).contains("\"intact\" : false");
    }

    @Test
    void theKeystorePasswordNeverComesFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path keystore = signerKeystore(dir);
        Path form = renderedForm(dir, Map.of());
        assertThat(cli(Map.of()).run(new String[] {
                    "sign",
                    form.toString(),
                    "--role",
                    "ELABORADO",
                    "--name",
                    "A",
                    "--position",
                    "B",
                    "-o",
                    dir.resolve("x.pdf").toString(),
                    "--keystore",
                    keystore.toString()
                }))
                .isEqualTo(SelloCli.FAILURE);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("SELLO_KEYSTORE_PASSWORD must hold the keystore's password");
        assertThat(cli(Map.of(SigningCommands.PASSWORD_VARIABLE, "wrong-password"))
                        .run(new String[] {
                            "sign",
                            form.toString(),
                            "--role",
                            "ELABORADO",
                            "--name",
                            "A",
                            "--position",
                            "B",
                            "-o",
                            dir.resolve("x.pdf").toString(),
                            "--keystore",
                            keystore.toString()
                        }))
                .isEqualTo(SelloCli.FAILURE);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("the keystore cannot be opened (wrong file or password)")
                .doesNotContain("wrong-password");
    }

    /** Issue 14: the CLI applies the same upload limits as the service, and a parse that overflows the stack is a refusal. */
    @Test
    void craftedFilesAreRefusedByNameNotWithAStackTrace(@TempDir Path dir) throws Exception {
        Path loop = Files.write(dir.resolve("loop.pdf"), CraftedPdfs.selfReferencingPageTree());
        assertThat(cli(Map.of()).run(new String[] {"verify", loop.toString()})).isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(out())
                .isEqualTo(
                        "refused: the file is not a readable PDF: its objects refer to themselves or nest too deep\n");
        Path fields = Files.write(dir.resolve("fields.pdf"), CraftedPdfs.manySignatureFields(4000, 0));
        assertThat(cli(Map.of()).run(new String[] {
                    "sign",
                    fields.toString(),
                    "--role",
                    "ELABORADO",
                    "--name",
                    "A",
                    "--position",
                    "B",
                    "-o",
                    dir.resolve("x.pdf").toString()
                }))
                .isEqualTo(SelloCli.INVALID_INPUT);
        assertThat(out())
                .startsWith("refused: the file is over sello.limits.pdf.max-signature-fields (100)")
                .endsWith("; nothing written\n");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    /**
     * Issue 14: JavaScript that was in the file when it was signed is a finding, and the signature stays valid, because
     * it covers the script like any other byte; the report says both.
     */
    @Test
    void aSignedFileWithJavaScriptStaysValidAndTheScriptIsAFinding(@TempDir Path dir) throws Exception {
        Path keystore = signerKeystore(dir);
        Map<String, String> env = Map.of(SigningCommands.PASSWORD_VARIABLE, PASSWORD);
        Path form = renderedForm(dir, env);
        Path scripted = dir.resolve("scripted.pdf");
        try (var document = Loader.loadPDF(form.toFile());
                var out = Files.newOutputStream(scripted)) {
            var script = new COSDictionary();
            script.setItem(COSName.S, COSName.getPDFName("JavaScript"));
            script.setString(COSName.JS, "app.alert('hola')");
            var catalog = document.getDocumentCatalog().getCOSObject();
            catalog.setItem(COSName.getPDFName("OpenAction"), script);
            catalog.setNeedToBeUpdated(true);
            document.saveIncremental(out);
        }
        Path signed = dir.resolve("signed.pdf");
        assertThat(cli(env).run(new String[] {
                    "sign",
                    scripted.toString(),
                    "--role",
                    "ELABORADO",
                    "--name",
                    "Ana Quispe",
                    "--position",
                    "Técnico",
                    "-o",
                    signed.toString(),
                    "--keystore",
                    keystore.toString()
                }))
                .as(out() + stderr.toString(StandardCharsets.UTF_8))
                .isEqualTo(SelloCli.OK);

        assertThat(cli(env).run(new String[] {"verify", signed.toString()})).isEqualTo(SelloCli.OK);
        JsonNode report = JsonMapper.builder().build().readTree(out());
        assertThat(report.get("intact").booleanValue()).isTrue();
        assertThat(report.at("/report/signatures/0/intact").booleanValue()).isTrue();
        // a self-signed key with no trust anchor: intact, but never "valid" (issue 16)
        assertThat(report.at("/report/signatures/0/valid").booleanValue()).isFalse();
        assertThat(report.at("/report/signatures/0/verdict").stringValue()).isEqualTo("INDETERMINATE");
        assertThat(report.get("allValid").booleanValue()).isFalse();
        assertThat(report.at("/report/findings").toString())
                .contains("the file contains JavaScript; the signatures are checked"
                        + " as for any other content, but a viewer may act on it when the file is opened");
    }
}
