package io.sello.cli;

import io.sello.Sello;
import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.TotalMismatch;
import io.sello.document.TotalsMismatchException;
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
 *   render   &lt;type&gt; &lt;input.json&gt; -o &lt;out.pdf&gt; [--lenient]
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
    private static final Set<String> COMMANDS = Set.of("render", "validate", "help", "--help");

    private final Supplier<DocumentTypes> types;
    private final PrintStream out;
    private final PrintStream err;

    public SelloCli(Supplier<DocumentTypes> types, PrintStream out, PrintStream err) {
        this.types = types;
        this.out = out;
        this.err = err;
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
        List<String> positional = new ArrayList<>();
        String output = null;
        boolean lenient = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "-o", "--output" -> {
                    if (i + 1 >= args.length) {
                        return usage("-o needs a file name");
                    }
                    output = args[++i];
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
        return args[0].equals("render")
                ? render(type.get(), json, Path.of(output), lenient)
                : validate(type.get(), json);
    }

    private int validate(DocumentType type, byte[] json) {
        ValidationReport report = type.validate(json);
        print(report.errors(), report.mismatches(), report.warnings());
        if (report.valid()) {
            out.println("valid: " + report.warnings().size() + " warning(s)");
            return OK;
        }
        out.println("invalid: " + report.errors().size() + " error(s), " + report.mismatches().size()
                + " total mismatch(es), " + report.warnings().size() + " warning(s)");
        return INVALID_INPUT;
    }

    private int render(DocumentType type, byte[] json, Path output, boolean lenient) {
        RenderedDocument document;
        try {
            document = type.render(json, lenient ? RenderOptions.LENIENT : RenderOptions.STRICT);
        } catch (InvalidInputException e) {
            print(e.errors(), List.of(), List.of());
            out.println("invalid: " + e.errors().size() + " error(s); nothing written");
            return INVALID_INPUT;
        } catch (TotalsMismatchException e) {
            print(List.of(), e.mismatches(), e.warnings());
            out.println("invalid: declared totals differ from the computed ones; nothing written (use --lenient to render anyway)");
            return INVALID_INPUT;
        } catch (RenderingException e) {
            err.println("error: " + e.getMessage());
            return FAILURE;
        }
        try {
            Files.write(output, document.pdf());
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot write " + output);
            return FAILURE;
        }
        print(List.of(), List.of(), document.warnings());
        out.println("wrote " + output + " (" + document.pdf().length + " bytes, " + document.warnings().size() + " warning(s))");
        return OK;
    }

    private void print(List<InputError> errors, List<TotalMismatch> mismatches, List<Warning> warnings) {
        for (InputError error : errors) {
            out.println("error    " + JsonPointers.display(error.pointer()) + ": " + error.message());
        }
        for (TotalMismatch mismatch : mismatches) {
            out.println("mismatch " + mismatch.pointer() + ": declared " + mismatch.declared().toPlainString()
                    + ", computed " + mismatch.computed().toPlainString()
                    + ", difference " + mismatch.difference().toPlainString());
        }
        for (Warning warning : warnings) {
            out.println("warning  " + JsonPointers.display(warning.pointer()) + " [" + warning.code() + "]: " + warning.message());
        }
    }

    private int usage(String problem) {
        if (problem != null) {
            err.println("error: " + problem);
        }
        err.println("""
                usage: java -jar sello.jar render <type> <input.json> -o <out.pdf> [--lenient]
                       java -jar sello.jar validate <type> <input.json>
                types: poa-execution-form, agreement-amendment, operational-plan
                exit codes: 0 success, 1 invalid input, 2 usage, 3 could not produce or write the document""");
        return problem == null ? OK : USAGE;
    }
}
