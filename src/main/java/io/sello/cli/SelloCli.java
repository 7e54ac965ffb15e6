package io.sello.cli;

import io.sello.Sello;
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
import io.sello.input.JsonPointers;
import io.sello.rendering.RenderingException;
import io.sello.rendering.RenderingProperties;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The command line, for systems without the server:
 * <pre>
 *   render   &lt;type&gt; &lt;input.json&gt; -o &lt;out.pdf|.xlsx|.csv&gt; [--lenient]
 *   validate &lt;type&gt; &lt;input.json&gt;
 * </pre>
 * Exit codes: 0 success, 1 invalid input (including declared totals that do not add up),
 * 2 usage, 3 the document could not be produced or written.
 */
public final class SelloCli {
    public static final int OK = 0;
    public static final int INVALID_INPUT = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;
    private static final Set<String> COMMANDS = Set.of("render", "validate", "sign", "verify", "help", "--help");

    private final Supplier<DocumentTypes> types;
    private final PrintStream out;
    private final PrintStream err;

    private final SigningCommands signing;

    public SelloCli(Supplier<DocumentTypes> types, PrintStream out, PrintStream err) {
        this(types, out, err, System::getenv, java.time.Clock.systemUTC());
    }

    /** @param environment where the keystore password is read from (tests pass their own) */
    public SelloCli(Supplier<DocumentTypes> types, PrintStream out, PrintStream err,
                    java.util.function.Function<String, String> environment, java.time.Clock clock) {
        this.types = types;
        this.out = out;
        this.err = err;
        this.signing = new SigningCommands(out, err, environment, clock);
    }

    public static SelloCli standard() {
        return new SelloCli(() -> Sello.documentTypes(RenderingProperties.defaults()),
                System.out, System.err);
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public int run(String[] args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            return usage(args.length == 0 ? "no command given" : null);
        }
        if (args[0].equals("sign")) {
            return signing.sign(args);
        }
        if (args[0].equals("verify")) {
            return signing.verify(args);
        }
        List<String> positional = new ArrayList<>();
        String output = null;
        String batchFormat = "pdf";
        boolean lenient = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "-o", "--output" -> {
                    if (i + 1 >= args.length) {
                        return usage("-o needs a file name");
                    }
                    output = args[++i];
                }
                case "--format" -> {
                    if (i + 1 >= args.length) {
                        return usage("--format needs pdf, xlsx or csv");
                    }
                    batchFormat = args[++i];
                }
                case "--lenient" -> lenient = true;
                default -> {
                    if (args[i].startsWith("-")) {
                        return usage("unknown option " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (args[0].equals("render") && (positional.size() > 2
                || positional.size() == 2 && Files.isDirectory(Path.of(positional.get(1))))) {
            if (output == null) {
                return usage("a batch render needs -o <folder>");
            }
            Optional<OutputFormat> format = OutputFormat.named(batchFormat);
            if (format.isEmpty()) {
                return usage("--format must be pdf, xlsx or csv");
            }
            Optional<DocumentType> type = types.get().find(positional.get(0));
            if (type.isEmpty()) {
                return usage("unknown document type \"" + positional.get(0) + "\"");
            }
            if (!type.get().formats().contains(format.get())) {
                return usage(type.get().id().value() + " is not delivered as " + format.get().extension());
            }
            return new BatchRender(out, err).run(type.get(), positional.subList(1, positional.size()), Path.of(output),
                    new RenderOptions(lenient, format.get()));
        }
        if (positional.size() != 2) {
            return usage(args[0] + " takes a document type and one input file");
        }
        if (args[0].equals("render") && output == null) {
            return usage("render needs -o <out.pdf>");
        }
        byte[] json;
        try {
            json = Files.readAllBytes(Path.of(positional.get(1)));
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot read " + positional.get(1));
            return USAGE;
        }
        DocumentTypes catalogue = types.get();
        Optional<DocumentType> type = catalogue.find(positional.get(0));
        if (type.isEmpty()) {
            return usage("unknown document type \"" + positional.get(0) + "\"; known: "
                    + catalogue.all().stream().map(t -> t.id().value()).toList());
        }
        if (args[0].equals("validate")) {
            return validate(type.get(), json);
        }
        Optional<OutputFormat> format = formatOf(output);
        if (format.isEmpty() || !type.get().formats().contains(format.get())) {
            return usage(type.get().id().value() + " writes " + type.get().formats().stream()
                    .map(f -> "." + f.extension()).sorted().toList() + "; name the output file accordingly");
        }
        return render(type.get(), json, Path.of(output), new RenderOptions(lenient, format.get()));
    }

    private int validate(DocumentType type, byte[] json) {
        ValidationReport report = type.validate(json);
        print(report.errors(), report.mismatches(), report.warnings());
        if (report.valid()) {
            out.println("valid: " + rounding(report) + " rounding difference(s), " + report.warnings().size() + " warning(s)");
            return OK;
        }
        out.println("invalid: " + report.errors().size() + " error(s), " + report.errorMismatches().size()
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
            document = type.render(json, options);
        } catch (InvalidInputException e) {
            print(e.errors(), List.of(), List.of());
            out.println("invalid: " + e.errors().size() + " error(s); nothing written");
            return INVALID_INPUT;
        } catch (TotalsMismatchException e) {
            print(List.of(), e.mismatches(), e.warnings());
            out.println("invalid: declared totals differ from the computed ones; nothing written (use --lenient to render anyway)");
            return INVALID_INPUT;
        } catch (UnprintableFigureException e) {
            print(e.errors(), List.of(), List.of());
            out.println("cannot produce: " + e.errors().size() + " figure(s) too large to print in full; nothing written");
            return FAILURE;
        } catch (RenderingException e) {
            err.println("error: " + e.getMessage());
            return FAILURE;
        }
        byte[] content = document.format() == OutputFormat.PDF
                ? io.sello.signing.SignatureFields.add(document.content(), document.signatureSlots()) : document.content();
        try {
            Files.write(output, content);
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot write " + output);
            return FAILURE;
        }
        print(List.of(), List.of(), document.warnings());
        out.println("wrote " + output + " (" + content.length + " bytes, " + document.warnings().size() + " warning(s))");
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
            out.println("warning  " + JsonPointers.display(warning.pointer()) + " [" + warning.code() + "]: " + warning.message());
        }
    }

    private static long rounding(ValidationReport report) {
        return report.mismatches().size() - report.errorMismatches().size();
    }

    /** One line a reviewer can act on: where on paper, both figures, and whether rounding explains it. */
    static String describe(TotalMismatch m) {
        String where = m.location() == null ? m.pointer()
                : m.location().table() + " · «" + m.location().row() + "» · " + m.location().column();
        return (m.isError() ? "mismatch [error]    " : "mismatch [rounding] ") + where
                + ": declared " + m.declared().toPlainString() + ", computed " + m.computed().toPlainString()
                + ", difference " + m.difference().toPlainString()
                + (m.tolerance().signum() > 0 ? " (rounding tolerance ±" + m.tolerance().toPlainString() + ")" : "")
                + (m.location() == null ? "" : "  " + m.pointer());
    }

    private int usage(String problem) {
        if (problem != null) {
            err.println("error: " + problem);
        }
        err.println("""
                usage: java -jar sello.jar render <type> <input.json> -o <out.pdf|out.xlsx|out.csv> [--lenient]
                       java -jar sello.jar render <type> <folder | file.json …> -o <out-folder> [--format pdf|xlsx|csv] [--lenient]
                       java -jar sello.jar validate <type> <input.json>
                       java -jar sello.jar sign <in.pdf> --role ELABORADO|REVISADO|APROBADO --name "…" --position "…" -o <out.pdf> [--keystore k.p12]
                       java -jar sello.jar verify <file.pdf>   (JSON report; exit 0 when every signature holds)
                types: poa-execution-form, agreement-amendment, operational-plan, budget-summary
                       (.xlsx and .csv: budget-summary only)
                exit codes: 0 success, 1 invalid input, 2 usage, 3 could not produce or write the document""");
        return problem == null ? OK : USAGE;
    }
}
