package io.sello.rendering.jasper;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.design.JRCompiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step (see pom.xml, phase process-classes): compiles every {@code .jrxml} under the template
 * folder into a {@code .jasper} beside it in the output folder. The running service then only
 * deserialises templates and never needs a Java compiler, which a packaged jar cannot offer anyway.
 */
final class JrxmlPrecompiler {
    private JrxmlPrecompiler() {}

    public static void main(String[] args) throws IOException, JRException {
        if (args.length != 2) {
            System.err.println("usage: JrxmlPrecompiler <template-dir> <output-dir>");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        // JasperReports writes each report's generated source under a name made of the report's name and
        // hash, in the shared temp folder, and deletes it after: two builds at once (CI matrix, worktrees)
        // would delete each other's files. A folder of this run's own avoids that.
        Path scratch = Files.createTempDirectory("sello-jrxml-");
        DefaultJasperReportsContext.getInstance().setProperty(JRCompiler.COMPILER_TEMP_DIR, scratch.toString());
        List<Path> templates;
        try (Stream<Path> files = Files.walk(source)) {
            templates =
                    files.filter(p -> p.toString().endsWith(".jrxml")).sorted().toList();
        }
        for (Path jrxml : templates) {
            Path relative = source.relativize(jrxml);
            Path out = target.resolve(relative.toString().replaceFirst("\\.jrxml$", ".jasper"));
            Files.createDirectories(out.getParent());
            JasperCompileManager.compileReportToFile(jrxml.toString(), out.toString());
            System.out.println("compiled " + relative);
        }
        try (Stream<Path> left = Files.walk(scratch)) {
            left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
