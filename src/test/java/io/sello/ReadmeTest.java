package io.sello;

import io.sello.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, point 6: the README's "Try it" commands, and the registry's store, sign-off and verify walk-through,
 * work as written on a fresh start, so the README cannot rot.
 *
 * <p>Every fenced block that follows a {@code <!-- readme-test -->} line in README.md is run, one command at a time,
 * with bash, against this test's service on a random port ({@code localhost:8080} becomes {@code localhost:<port>}),
 * in an empty folder where {@code examples/} is the repository's. Two substitutions, neither of which changes what
 * the command asks for:
 * <ul>
 *   <li>{@code curl} gets {@code --fail-with-body}, so an answer outside 2xx fails the command (exit 22) while the
 *       problem details are still printed for the assertion message;</li>
 *   <li>{@code java -jar target/sello.jar} runs the same main class from the test classpath
 *       ({@code java -cp … io.sello.SelloApplication}), since the jar is built only after the tests run
 *       ({@code mvn package}); what differs is only how the classes are found.</li>
 * </ul>
 * Each command must exit 0, unless it says otherwise in a trailing comment ({@code # exit 1 …}, as the README's
 * reconciliation report of seed 003 does, on purpose), and each file it writes must be what its name says: a PDF
 * starts with {@code %PDF-}, an XLSX is a zip ({@code PK}), a JSON file is an object, a page is HTML. A variable set
 * with {@code NAME=$(…)} is kept for the commands after it, as in the reader's shell; {@code pdfsig} (poppler-utils,
 * which scripts/test.sh installs) must report the three signatures valid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SlowTest
class ReadmeTest {
    static final String MARKER = "<!-- readme-test -->";
    private static final Pattern EXIT = Pattern.compile("#\\s*exit\\s+(\\d+)");
    private static final Pattern OUTPUT = Pattern.compile("(?:-o|>)\\s+([\\w./-]+\\.(pdf|xlsx|csv|json|html))");
    /** {@code ID=$(curl …)}: the value is kept for the commands after it, as in the reader's shell. */
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z_][A-Z0-9_]*)=\\$\\(");

    @LocalServerPort
    int port;

    @Test
    void theTryItCommandsWorkAsWritten(@TempDir Path dir) throws Exception {
        List<Command> commands = commands(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        assertThat(commands)
                .as("commands in the README's blocks marked " + MARKER)
                .hasSizeGreaterThanOrEqualTo(19);
        assertThat(commands)
                .anySatisfy(c -> assertThat(c.line()).startsWith("curl"))
                .anySatisfy(c -> assertThat(c.line()).startsWith("java -jar target/sello.jar"));
        Files.createSymbolicLink(dir.resolve("examples"), Path.of("examples").toAbsolutePath());
        Map<String, String> variables = new HashMap<>();
        for (Command command : commands) {
            Matcher assignment = ASSIGNMENT.matcher(command.line());
            if (assignment.find()) {
                String name = assignment.group(1);
                Result result = run(substitute(command.line()) + " && printf %s \"$" + name + "\"", dir, variables);
                assertThat(result.exit())
                        .as("%s%n  stderr: %s", command.line(), abbreviated(result.err()))
                        .isZero();
                assertThat(result.out()).as(command.line() + " sets " + name).isNotBlank();
                variables.put(name, result.out().strip());
                continue;
            }
            Matcher output = OUTPUT.matcher(command.line());
            Path written = output.find() ? dir.resolve(output.group(1)) : null;
            if (written != null) {
                Files.deleteIfExists(written); // a file left by an earlier command must not pass for this one's
            }
            Result result = run(substitute(command.line()), dir, variables);
            assertThat(result.exit())
                    .as(
                            "%s%n  exit %d, expected %d%n  stdout: %s%n  stderr: %s",
                            command.line(),
                            result.exit(),
                            command.exit(),
                            abbreviated(result.out()),
                            abbreviated(result.err()))
                    .isEqualTo(command.exit());
            if (written != null) {
                assertThat(written)
                        .as(command.line() + " writes " + written.getFileName())
                        .exists();
                byte[] head = head(written);
                switch (output.group(2)) {
                    case "pdf" ->
                        assertThat(new String(head, StandardCharsets.US_ASCII))
                                .as(command.line())
                                .startsWith("%PDF-");
                    case "xlsx" ->
                        assertThat(new String(head, 0, 2, StandardCharsets.US_ASCII))
                                .as(command.line())
                                .isEqualTo("PK");
                    case "json" ->
                        assertThat(new String(head, StandardCharsets.UTF_8).strip())
                                .as(command.line())
                                .startsWith("{");
                    case "html" ->
                        assertThat(new String(head, StandardCharsets.UTF_8))
                                .as(command.line())
                                .startsWithIgnoringCase("<!DOCTYP");
                    default -> assertThat(head).as(command.line()).isNotEmpty();
                }
            }
            if (command.line().startsWith("pdfsig")) {
                assertThat(result.out().split("Signature is Valid", -1))
                        .as(command.line() + ": " + result.out())
                        .hasSize(4);
            } else if (command.line().startsWith("curl") && command.line().contains("-D -")) {
                assertThat(result.out())
                        .as(command.line() + " prints the response headers")
                        .startsWith("HTTP/1.1 2");
            } else if (command.line().startsWith("curl") && written == null) {
                assertThat(result.out().strip())
                        .as(command.line() + " prints JSON")
                        .matches("(?s)[\\[{].*[]}]");
            }
        }
    }

    /** The commands of the marked blocks, continuation lines joined, comment lines left out. */
    static List<Command> commands(String readme) {
        List<Command> commands = new ArrayList<>();
        String[] lines = readme.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals(MARKER)) {
                continue;
            }
            int fence = i + 1;
            while (fence < lines.length && lines[fence].isBlank()) {
                fence++;
            }
            assertThat(lines[fence])
                    .as("a fenced shell block follows " + MARKER + " (README line " + (i + 1) + ")")
                    .startsWith("```");
            StringBuilder pending = new StringBuilder();
            for (int j = fence + 1; j < lines.length && !lines[j].startsWith("```"); j++) {
                String line = lines[j].strip();
                if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    pending.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                pending.append(line);
                String whole = pending.toString();
                pending.setLength(0);
                Matcher exit = EXIT.matcher(whole);
                commands.add(new Command(
                        whole.replaceAll("\\s+", " ").strip(), exit.find() ? Integer.parseInt(exit.group(1)) : 0));
            }
        }
        return commands;
    }

    private String substitute(String line) {
        return line.replace("localhost:8080", "localhost:" + port)
                .replaceAll("(^|\\$\\()curl ", "$1curl --fail-with-body ")
                .replace("java -jar target/sello.jar", "java -cp \"$SELLO_CLASSPATH\" io.sello.SelloApplication");
    }

    private static Result run(String line, Path dir, Map<String, String> variables)
            throws IOException, InterruptedException {
        // pipefail: a failed curl inside a pipeline fails the command, as --fail-with-body means it to
        ProcessBuilder builder = new ProcessBuilder("bash", "-o", "pipefail", "-c", line).directory(dir.toFile());
        builder.environment().putAll(variables);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        builder.environment().put("PATH", javaBin + File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("SELLO_CLASSPATH", absolute(System.getProperty("java.class.path")));
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(line + " did not finish within 3 minutes");
        }
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /** Surefire's class path may hold relative entries; the commands run in another folder. */
    private static String absolute(String classPath) {
        return String.join(
                File.pathSeparator,
                Arrays.stream(classPath.split(File.pathSeparator))
                        .map(entry -> Path.of(entry).toAbsolutePath().toString())
                        .toList());
    }

    private static byte[] head(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    record Command(String line, int exit) {}

    record Result(int exit, String out, String err) {}
}
