package io.sello.cli;

import io.sello.document.DocumentTooLargeException;
import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.document.OutputFormat;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.TotalMismatch;
import io.sello.document.TotalsMismatchException;
import io.sello.document.UnprintableFigureException;
import io.sello.document.ValidationReport;
import io.sello.document.Warning;
import io.sello.input.JsonLimits;
import io.sello.input.JsonPointers;
import io.sello.input.StrictJson;
import io.sello.rendering.RenderingException;
import io.sello.signing.SignatureFields;
import io.sello.storage.SignOffStep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static picocli.CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER;

/**
 * The command line, for systems without the server: {@code render}, {@code validate}, {@code sign} and
 * {@code verify}, parsed by picocli, which also writes the usage, the per-command {@code --help} and the argument
 * errors. The document types that help lists come from the catalogue, so a new type shows up without touching
 * this class.
 * Exit codes: 0 success, 1 invalid input (including declared totals that do not add up),
 * 2 usage, 3 the document could not be produced or written.
 */
@Command(
        name = "java -jar sello.jar",
        subcommands = HelpCommand.class,
        description = "Renders, validates, signs and verifies Sello documents without the server.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:invalid input (including declared totals that do not add up)",
            "2:usage: bad arguments, unknown type or option, unreadable input file",
            "3:the document could not be produced or written"
        })
public final class SelloCli implements Callable<Integer> {
    public static final int OK = 0;
    public static final int INVALID_INPUT = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;
    /** What {@link io.sello.SelloApplication} hands to the CLI; anything else starts the server. */
    private static final Set<String> COMMANDS = Set.of("render", "validate", "sign", "verify", "help", "--help");

    private final Supplier<DocumentTypes> types;
    private final PrintStream out;
    private final PrintStream err;

    private final SigningCommands signing;

    @Spec
    private CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    public SelloCli(Supplier<DocumentTypes> types, PrintStream out, PrintStream err) {
        this(types, out, err, System::getenv, Clock.systemUTC());
    }

    /** @param environment where the keystore password is read from (tests pass their own) */
    public SelloCli(
            Supplier<DocumentTypes> types,
            PrintStream out,
            PrintStream err,
            Function<String, String> environment,
            Clock clock) {
        this.types = memoized(types);
        this.out = out;
        this.err = err;
        this.signing = new SigningCommands(out, err, environment, clock);
    }

    /**
     * The CLI on the standard streams, with the catalogue the application builds ({@code io.sello.Sello}); handed in,
     * so that the CLI does not depend back on the application package that starts it (no cycle, issue 18, point 4).
     */
    public static SelloCli standard(Supplier<DocumentTypes> catalogue) {
        return new SelloCli(catalogue, System.out, System.err);
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public int run(String[] args) {
        CommandLine commandLine = new CommandLine(this)
                .setOut(writerOn(out))
                .setErr(writerOn(err))
                .setParameterExceptionHandler(SelloCli::usageError)
                // A bug is not a usage error: it propagates as it did before picocli, rather than exiting 1.
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    throw e;
                });
        // The catalogue is asked only when help is shown: rendering help must not depend on a fixed list.
        for (String command : List.of("render", "validate")) {
            commandLine.getSubcommands().get(command).getHelpSectionMap().put(SECTION_KEY_FOOTER, h -> typeList());
        }
        commandLine.getHelpSectionMap().put(SECTION_KEY_FOOTER, h -> typeList());
        return commandLine.execute(args);
    }

    /** No command at all: say so, then the usage, exit 2. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }

    @Command(
            name = "render",
            description = {
                "Renders one JSON input, or a batch (a folder or several files) into a folder.",
                "One input is written to <out>, whose extension names the format: .pdf, .xlsx or .csv.",
                "A batch writes every JSON file into the folder <out> under its own name, one progress line each."
            })
    int render(
            @Parameters(index = "0", paramLabel = "<type>", description = "a document type, listed below")
                    String typeId,
            @Parameters(
                            index = "1..*",
                            arity = "1..*",
                            paramLabel = "<input>",
                            description = "input.json, or for a batch a folder or several files")
                    List<String> inputs,
            @Option(
                            names = {"-o", "--output"},
                            required = true,
                            paramLabel = "<out>",
                            description = "out.pdf|out.xlsx|out.csv, or the output folder of a batch")
                    String output,
            @Option(
                            names = "--format",
                            paramLabel = "pdf|xlsx|csv",
                            defaultValue = "pdf",
                            converter = FormatName.class,
                            description =
                                    "a batch's output format (default: ${DEFAULT-VALUE}); one file's format is its extension")
                    OutputFormat batchFormat,
            @Option(names = "--lenient", description = "render even when declared totals differ from the computed ones")
                    boolean lenient,
            @Mixin HelpOption help) {
        DocumentType type = type(typeId);
        if (inputs.size() > 1 || Files.isDirectory(Path.of(inputs.get(0)))) {
            if (!type.formats().contains(batchFormat)) {
                throw usage(type.id().value() + " is not delivered as " + batchFormat.extension());
            }
            return new BatchRender(out, err)
                    .run(type, inputs, Path.of(output), new RenderOptions(lenient, batchFormat));
        }
        Optional<byte[]> json = read(inputs.get(0));
        if (json.isEmpty()) {
            return USAGE;
        }
        Optional<OutputFormat> format = formatOf(output);
        if (format.isEmpty() || !type.formats().contains(format.get())) {
            throw usage(type.id().value() + " writes "
                    + type.formats().stream()
                            .map(f -> "." + f.extension())
                            .sorted()
                            .toList() + "; name the output file accordingly");
        }
        return render(type, json.get(), Path.of(output), new RenderOptions(lenient, format.get()));
    }

    @Command(name = "validate", description = "Checks one JSON input and prints every error, mismatch and warning.")
    int validate(
            @Parameters(index = "0", paramLabel = "<type>", description = "a document type, listed below")
                    String typeId,
            @Parameters(index = "1", paramLabel = "<input.json>") String input,
            @Mixin HelpOption help) {
        DocumentType type = type(typeId);
        Optional<byte[]> json = read(input);
        return json.isEmpty() ? USAGE : validate(type, json.get());
    }

    @Command(
            name = "sign",
            description = {
                "Signs the PDF's next sign-off: ELABORADO, then REVISADO, then APROBADO.",
                "The keystore's password is read from the environment variable " + SigningCommands.PASSWORD_VARIABLE
                        + ", never from the command line; without --keystore the development keystore is used."
            })
    int sign(
            @Parameters(paramLabel = "<in.pdf>") String input,
            @Option(names = "--role", required = true, paramLabel = "ELABORADO|REVISADO|APROBADO") SignOffStep role,
            @Option(names = "--name", required = true, paramLabel = "\"…\"", description = "the signer's name")
                    String name,
            @Option(names = "--position", required = true, paramLabel = "\"…\"", description = "the signer's position")
                    String position,
            @Option(
                            names = {"-o", "--output"},
                            required = true,
                            paramLabel = "<out.pdf>")
                    String output,
            @Option(names = "--keystore", paramLabel = "<k.p12>") String keystore,
            @Mixin HelpOption help) {
        return signing.sign(input, role, name, position, output, keystore);
    }

    @Command(
            name = "verify",
            description = "Prints a JSON report of the PDF's signatures; exit 0 when every signature holds.")
    int verify(@Parameters(paramLabel = "<file.pdf>") String file, @Mixin HelpOption help) {
        return signing.verify(file);
    }

    /** {@code -h}/{@code --help} on every command. */
    static final class HelpOption {
        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help and exit.")
        boolean help;
    }

    /** {@code --format pdf|xlsx|csv}, named as a client writes it in {@code ?format=}. */
    static final class FormatName implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.named(value).orElseThrow(() -> new TypeConversionException("must be pdf, xlsx or csv"));
        }
    }

    private DocumentType type(String id) {
        DocumentTypes catalogue = types.get();
        return catalogue
                .find(id)
                .orElseThrow(() -> usage("unknown document type \"" + id + "\"; known: "
                        + catalogue.all().stream().map(t -> t.id().value()).toList()));
    }

    /** A usage error of the command being run, so that its own usage follows the message. */
    private ParameterException usage(String problem) {
        CommandLine line = spec.commandLine();
        ParseResult parsed = line.getParseResult();
        if (parsed != null && parsed.hasSubcommand()) {
            line = parsed.subcommand().commandSpec().commandLine();
        }
        return new ParameterException(line, problem);
    }

    /**
     * The same streaming limits as an HTTP body (sello.limits.*, their defaults; docs/limits.md) before anything is
     * built from the file: a CLI input is as untrusted as a request (issue 18, point 1).
     */
    static byte[] withinLimits(byte[] json) {
        StrictJson.checkLimits(json, JsonLimits.DEFAULTS);
        return json;
    }

    private Optional<byte[]> read(String file) {
        try {
            return Optional.of(Files.readAllBytes(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot read " + file);
            return Optional.empty();
        }
    }

    /** The catalogue's types and the formats each is delivered in, for the help's footer. */
    private String typeList() {
        StringBuilder list = new StringBuilder("%nDocument types:%n".formatted());
        for (DocumentType type : types.get().all()) {
            list.append("  %-22s %s%n"
                    .formatted(
                            type.id().value(),
                            type.formats().stream()
                                    .sorted()
                                    .map(OutputFormat::extension)
                                    .collect(Collectors.joining(", "))));
        }
        return list.toString();
    }

    /** picocli's wording of the problem, then the usage of the command it concerns; exit 2. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        line.usage(err);
        err.flush();
        return USAGE;
    }

    /** picocli writes to a {@link PrintWriter}; this one prints through the stream, so its charset holds. */
    private static PrintWriter writerOn(PrintStream stream) {
        return new PrintWriter(
                new Writer() {
                    @Override
                    public void write(char[] buffer, int offset, int length) {
                        stream.print(new String(buffer, offset, length));
                    }

                    @Override
                    public void flush() {
                        stream.flush();
                    }

                    @Override
                    public void close() {
                        stream.flush();
                    }
                },
                true);
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    private int validate(DocumentType type, byte[] json) {
        ValidationReport report;
        try {
            report = type.validate(withinLimits(json));
        } catch (InvalidInputException e) {
            print(e.errors(), List.of(), List.of());
            out.println("invalid: " + e.errors().size() + " error(s)");
            return INVALID_INPUT;
        } catch (DocumentTooLargeException e) {
            out.println("  " + e.detail());
            out.println("invalid: the document is larger than the service renders");
            return INVALID_INPUT;
        }
        print(report.errors(), report.mismatches(), report.warnings());
        if (report.valid()) {
            out.println("valid: " + rounding(report) + " rounding difference(s), "
                    + report.warnings().size() + " warning(s)");
            return OK;
        }
        out.println("invalid: " + report.errors().size() + " error(s), "
                + report.errorMismatches().size()
                + " declared figure(s) wrong beyond rounding, " + rounding(report) + " rounding difference(s), "
                + report.warnings().size() + " warning(s)");
        return INVALID_INPUT;
    }

    /** The format is the output file's extension: {@code .pdf}, {@code .xlsx}, {@code .csv}. */
    private static Optional<OutputFormat> formatOf(String output) {
        int dot = output.lastIndexOf('.');
        return dot < 0 ? Optional.of(OutputFormat.PDF) : OutputFormat.named(output.substring(dot + 1));
    }

    private int render(DocumentType type, byte[] json, Path output, RenderOptions options) {
        RenderedDocument document;
        try {
            document = type.render(withinLimits(json), options);
        } catch (InvalidInputException e) {
            print(e.errors(), List.of(), List.of());
            out.println("invalid: " + e.errors().size() + " error(s); nothing written");
            return INVALID_INPUT;
        } catch (DocumentTooLargeException e) {
            out.println("  " + e.detail());
            out.println("invalid: the document is larger than the service renders; nothing written");
            return INVALID_INPUT;
        } catch (TotalsMismatchException e) {
            print(List.of(), e.mismatches(), e.warnings());
            out.println(
                    "invalid: declared totals differ from the computed ones; nothing written (use --lenient to render anyway)");
            return INVALID_INPUT;
        } catch (UnprintableFigureException e) {
            print(e.errors(), List.of(), List.of());
            out.println(
                    "cannot produce: " + e.errors().size() + " figure(s) too large to print in full; nothing written");
            return FAILURE;
        } catch (RenderingException e) {
            err.println("error: " + e.getMessage());
            return FAILURE;
        }
        byte[] content = document.format() == OutputFormat.PDF
                ? SignatureFields.add(document.content(), document.signatureSlots())
                : document.content();
        try {
            Files.write(output, content);
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot write " + output);
            return FAILURE;
        }
        print(List.of(), List.of(), document.warnings());
        out.println("wrote " + output + " (" + content.length + " bytes, "
                + document.warnings().size() + " warning(s))");
        return OK;
    }

    private void print(List<InputError> errors, List<TotalMismatch> mismatches, List<Warning> warnings) {
        for (InputError error : errors) {
            out.println("error    " + JsonPointers.display(error.pointer()) + ": " + error.message());
        }
        for (TotalMismatch mismatch : mismatches) {
            out.println(describe(mismatch));
        }
        for (Warning warning : warnings) {
            out.println("warning  " + JsonPointers.display(warning.pointer()) + " [" + warning.code() + "]: "
                    + warning.message());
        }
    }

    private static long rounding(ValidationReport report) {
        return report.mismatches().size() - report.errorMismatches().size();
    }

    /** One line a reviewer can act on: where on paper, both figures, and whether rounding explains it. */
    static String describe(TotalMismatch m) {
        String where = m.location() == null
                ? m.pointer()
                : m.location().table() + " · «" + m.location().row() + "» · "
                        + m.location().column();
        return (m.isError() ? "mismatch [error]    " : "mismatch [rounding] ") + where
                + ": declared " + m.declared().toPlainString() + ", computed "
                + m.computed().toPlainString()
                + ", difference " + m.difference().toPlainString()
                + (m.tolerance().signum() > 0
                        ? " (rounding tolerance ±" + m.tolerance().toPlainString() + ")"
                        : "")
                + (m.location() == null ? "" : "  " + m.pointer());
    }
}
