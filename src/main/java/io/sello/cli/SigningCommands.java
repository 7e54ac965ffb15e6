package io.sello.cli;

import io.sello.signing.Keystores;
import io.sello.signing.PdfRefusedException;
import io.sello.signing.PdfSigner;
import io.sello.signing.PdfVerifier;
import io.sello.signing.SignatureCheck;
import io.sello.signing.SignatureFields;
import io.sello.signing.Signer;
import io.sello.signing.SigningException;
import io.sello.signing.SigningKey;
import io.sello.signing.SigningProperties;
import io.sello.signing.VerificationReport;
import io.sello.storage.SignOffStep;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code sign} and {@code verify} do once {@link SelloCli} has parsed their arguments:
 * <pre>
 *   sign   &lt;in.pdf&gt; --role ELABORADO --name "…" --position "…" -o &lt;out.pdf&gt; [--keystore k.p12]
 *   verify &lt;file.pdf&gt;
 * </pre>
 * The keystore password is read from the environment variable {@code SELLO_KEYSTORE_PASSWORD}, never
 * from the command line (where every user of the machine can read it). Without {@code --keystore}
 * the development keystore {@code data/dev-signing.p12} is used, generated when missing.
 */
final class SigningCommands {
    static final String PASSWORD_VARIABLE = "SELLO_KEYSTORE_PASSWORD";
    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;
    private final Clock clock;

    SigningCommands(PrintStream out, PrintStream err, Function<String, String> environment, Clock clock) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.clock = clock;
    }

    /** The arguments arrive parsed and complete (picocli checks that every required option is there). */
    int sign(String input, SignOffStep step, String name, String position, String output, String keystore) {
        byte[] pdf;
        try {
            pdf = Files.readAllBytes(Path.of(input));
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot read " + input);
            return SelloCli.USAGE;
        }
        VerificationReport before;
        try {
            before = new PdfVerifier().verify(pdf);
        } catch (PdfRefusedException e) {
            out.println("refused: " + e.getMessage() + "; nothing written");
            return SelloCli.INVALID_INPUT;
        }
        if (!before.signatures().isEmpty() && !before.intact()) {
            out.println(
                    "refused: the PDF's existing signatures do not verify or it was changed after them; nothing written");
            return SelloCli.INVALID_INPUT;
        }
        Optional<SignOffStep> done = before.signatures().stream()
                .map(SignatureCheck::step)
                .filter(s -> s != null
                        && List.of("ELABORADO", "REVISADO", "APROBADO").contains(s))
                .map(SignOffStep::valueOf)
                .reduce((a, b) -> b);
        Optional<SignOffStep> next = SignOffStep.next(done);
        if (next.isEmpty() || next.get() != step) {
            out.println("refused: the next sign-off is " + next.map(Enum::name).orElse("none (all three are done)")
                    + ", not " + step + "; nothing written");
            return SelloCli.INVALID_INPUT;
        }
        if (!SignatureFields.hasEmptyField(pdf, step.name())) {
            out.println("refused: the PDF has no empty " + step
                    + " signature field (store it with the service, or render" + " it with this CLI); nothing written");
            return SelloCli.INVALID_INPUT;
        }
        try {
            SigningKey key = key(keystore);
            byte[] signed = new PdfSigner(ZoneId.of("America/La_Paz"))
                    .sign(pdf, null, new Signer(step.name(), name, position), key, clock.instant());
            Files.write(Path.of(output), signed);
            out.println("signed " + step + " as " + name + " ("
                    + key.certificate().getSubjectX500Principal().getName() + "); wrote " + output);
            return SelloCli.OK;
        } catch (SigningException e) {
            err.println("error: " + e.getMessage());
            return SelloCli.FAILURE;
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot write " + output);
            return SelloCli.FAILURE;
        }
    }

    private SigningKey key(String keystore) {
        String password = environment.apply(PASSWORD_VARIABLE);
        if (keystore != null) {
            if (password == null) {
                throw new SigningException(PASSWORD_VARIABLE + " must hold the keystore's password");
            }
            return Keystores.load(Path.of(keystore), password.toCharArray(), null);
        }
        SigningProperties development = new SigningProperties(null, null, null, null);
        if (!Files.exists(development.keystore())) {
            Keystores.generateDevelopment(
                    development.keystore(), development.password().toCharArray(), "Sello");
        }
        err.println("warning: signing with the development keystore " + development.keystore()
                + " (use --keystore for real signatures)");
        return Keystores.load(development.keystore(), development.password().toCharArray(), null);
    }

    /** Prints the report as JSON; exit 0 when signed, every signature valid and nothing appended after them. */
    int verify(String file) {
        byte[] pdf;
        try {
            pdf = Files.readAllBytes(Path.of(file));
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot read " + file);
            return SelloCli.USAGE;
        }
        VerificationReport report;
        try {
            report = new PdfVerifier().verify(pdf);
        } catch (PdfRefusedException e) {
            out.println("refused: " + e.getMessage());
            return SelloCli.INVALID_INPUT;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", Path.of(file).getFileName().toString());
        json.put("intact", report.intact());
        // the CLI has no trust anchors: an intact file is "not changed", and its signatures' verdicts say who vouches
        json.put("allValid", report.allValid());
        json.put("report", report);
        out.println(JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValueAsString(json));
        return report.intact() ? SelloCli.OK : SelloCli.INVALID_INPUT;
    }
}
