package io.sello.cli;

import io.sello.document.DocumentTooLargeException;
import io.sello.document.DocumentType;
import io.sello.document.InvalidInputException;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.TotalsMismatchException;
import io.sello.document.UnprintableFigureException;
import io.sello.rendering.RenderingException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code render <type> <folder | files…> -o <folder>}: every JSON file rendered into the output
 * folder under its own name, one progress line each, carrying on past bad inputs, and a summary of
 * what failed at the end. Exit 0 when all rendered, 1 when some inputs were refused.
 */
final class BatchRender {
    private final PrintStream out;
    private final PrintStream err;

    BatchRender(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(DocumentType type, List<String> inputs, Path folder, RenderOptions options) {
        List<Path> files = new ArrayList<>();
        for (String input : inputs) {
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(p -> p.getFileName().toString().endsWith(".json"))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    err.println("error: cannot list " + input);
                    return SelloCli.USAGE;
                }
            } else {
                files.add(path);
            }
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            err.println("error: cannot create " + folder);
            return SelloCli.FAILURE;
        }
        List<String> failures = new ArrayList<>();
        int done = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = file.getFileName().toString().replaceAll("\\.json$", "") + "."
                    + options.format().extension();
            String progress = "[" + (i + 1) + "/" + files.size() + "] " + file.getFileName();
            String problem = renderOne(type, file, folder.resolve(name), options);
            if (problem == null) {
                done++;
                out.println(progress + " -> " + folder.resolve(name));
            } else {
                failures.add(file.getFileName() + ": " + problem);
                out.println(progress + " FAILED: " + problem);
            }
        }
        out.println("rendered " + done + " of " + files.size() + (failures.isEmpty() ? "" : "; failed:"));
        failures.forEach(f -> out.println("  " + f));
        return failures.isEmpty() ? SelloCli.OK : SelloCli.INVALID_INPUT;
    }

    /** {@code null} when written; else what went wrong, in a line. */
    private static String renderOne(DocumentType type, Path file, Path target, RenderOptions options) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return "cannot read the file";
        }
        try {
            RenderedDocument document = type.render(SelloCli.withinLimits(json), options);
            Files.write(target, document.content());
            return null;
        } catch (InvalidInputException e) {
            return e.errors().size() + " error(s), first " + e.errors().get(0).pointer() + ": "
                    + e.errors().get(0).message();
        } catch (DocumentTooLargeException e) {
            return e.detail();
        } catch (TotalsMismatchException e) {
            return e.mismatches().size() + " declared figure(s) wrong (use --lenient to render anyway)";
        } catch (UnprintableFigureException e) {
            return e.errors().size() + " figure(s) too large to print in full, first "
                    + e.errors().get(0).pointer() + ": " + e.errors().get(0).message();
        } catch (RenderingException e) {
            return e.getMessage();
        } catch (IOException e) {
            return "cannot write " + target;
        }
    }
}
