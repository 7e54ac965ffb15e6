package io.sello.bench;

import io.sello.spreadsheet.SpreadsheetMessages;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Issue 17's target: importing seed 000 (Formulario N.5.B, 42 activities and their budget lines) from a filled XLSX
 * template takes under 50 ms warm. Times {@code WorkbookImport.read} as the controller calls it: unzip, read every
 * sheet, check every cell, then the type's own validation of the JSON.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) io.sello.bench.ImportTiming
 * </pre>
 */
public final class ImportTiming {
    private ImportTiming() {}

    public static void main(String[] args) throws Exception {
        byte[] xlsx = SpreadsheetMessages.seed000Workbook();
        System.out.printf(
                "seed 000 workbook: %d bytes, %d JSON bytes imported%n",
                xlsx.length, SpreadsheetMessages.importForm(xlsx).json().length);
        RepeatedTiming.report(
                "import seed 000 from XLSX (WorkbookImport.read)",
                200,
                200,
                () -> SpreadsheetMessages.importForm(xlsx));
        // CPU time of this thread: what the import costs whatever else the machine runs (wall time above includes
        // waiting)
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        int runs = 200;
        for (int i = 0; i < runs; i++) {
            SpreadsheetMessages.importForm(xlsx);
        }
        System.out.printf(
                "import seed 000 from XLSX: %.1f ms CPU per import (mean of %d)%n",
                (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / runs, runs);
    }
}
