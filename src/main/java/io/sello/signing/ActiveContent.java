package io.sello.signing;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import io.sello.rendering.SourceAttachment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What in an uploaded PDF a viewer could run or open (issue 14): JavaScript, launch actions and
 * embedded files, executables above all. None of it changes what the signatures prove, because a
 * signature covers these bytes like any others, so they are findings beside the signatures, worded so
 * that a valid signature is not read as "safe to open".
 */
final class ActiveContent {
    private static final PdfName JAVASCRIPT = new PdfName("JavaScript");
    private static final PdfName LAUNCH = new PdfName("Launch");
    private static final PdfName EMBEDDED_FILES = new PdfName("EmbeddedFiles");
    private static final PdfName EMBEDDED_FILE = new PdfName("EmbeddedFile");
    private static final PdfName FILE_ATTACHMENT = new PdfName("FileAttachment");
    private static final PdfName UF = new PdfName("UF");
    private static final PdfName EF = new PdfName("EF");
    private static final String NOTE =
            "; the signatures are checked as for any other content, but a viewer may act on it when the file is opened";
    /** Names a viewer or the operating system would run (Windows, macOS, Unix, Java, Office macros, scripts). */
    private static final Set<String> EXECUTABLE = Set.of(
            "exe", "dll", "com", "scr", "bat", "cmd", "msi", "pif", "cpl", "ps1", "vbs", "vbe", "js", "jse", "wsf",
            "hta", "jar", "sh", "app", "dmg", "pkg", "elf", "bin", "run", "lnk", "docm", "xlsm", "pptm");

    private final PdfReader reader;
    private final int maxDepth;
    private boolean javaScript;
    private boolean launch;
    private final Set<String> embedded = new TreeSet<>();
    private final Set<String> executables = new TreeSet<>();
    private int attachments;
    /** An EmbeddedFiles name tree was seen (its file specifications may be direct objects inside it). */
    private boolean nameTree;
    /** Sello's own source data was seen: the JSON every Sello PDF carries (issue 17), not an attachment to warn of. */
    private boolean sourceData;

    private ActiveContent(PdfReader reader, int maxDepth) {
        this.reader = reader;
        this.maxDepth = maxDepth;
    }

    static List<String> of(PdfReader reader, PdfLimits limits) {
        ActiveContent content = new ActiveContent(reader, limits.maxDepth());
        for (int i = 1; i < reader.getXrefSize(); i++) {
            content.visit(reader.getPdfObject(i), 0);
        }
        return content.findings();
    }

    private List<String> findings() {
        List<String> findings = new ArrayList<>();
        if (javaScript) {
            findings.add("the file contains JavaScript" + NOTE);
        }
        if (launch) {
            findings.add(
                    "the file contains a launch action, which asks the viewer to start a program or open another file"
                            + NOTE);
        }
        if (!executables.isEmpty()) {
            findings.add("the file embeds an executable program: " + String.join(", ", executables)
                    + "; do not open or run it" + NOTE.replace("; the signatures", ". The signatures"));
        }
        if (nameTree && embedded.isEmpty() && !sourceData) {
            attachments++;
        }
        if (!embedded.isEmpty() || attachments > 0) {
            findings.add("the file embeds "
                    + (embedded.isEmpty() ? "file attachments" : "files: " + String.join(", ", embedded)) + NOTE);
        }
        return findings;
    }

    /**
     * The JSON a Sello PDF carries as its source (io.sello.rendering.SourceAttachment): a {@code .json} file with
     * {@code /AFRelationship /Source} whose stream says {@code application/json}. Data, not something a viewer runs;
     * its bytes are still checked for an executable's signature like any embedded file's.
     */
    private boolean isSourceData(PdfDictionary specification, String name) {
        if (!SourceAttachment.SOURCE.equals(specification.getAsName(SourceAttachment.AF_RELATIONSHIP))
                || !"json".equals(extension(name))) {
            return false;
        }
        PdfDictionary ef = specification.getAsDict(EF);
        PdfObject stream = ef == null ? null : PdfReader.getPdfObject(ef.get(PdfName.F));
        return stream instanceof PdfDictionary data
                && new PdfName(SourceAttachment.MEDIA_TYPE).equals(data.getAsName(PdfName.SUBTYPE));
    }

    /** Direct objects only below an indirect one: references are visited as their own objects, so cycles cannot loop. */
    private void visit(PdfObject object, int depth) {
        if (object == null || depth > maxDepth) {
            return;
        }
        if (object.isArray()) {
            for (PdfObject item : ((PdfArray) object).getElements()) {
                if (!item.isIndirect()) {
                    visit(item, depth + 1);
                }
            }
        } else if (object.isDictionary() || object.isStream()) {
            PdfDictionary dictionary = (PdfDictionary) object;
            inspect(dictionary);
            for (PdfName key : dictionary.getKeys()) {
                PdfObject value = dictionary.get(key);
                if (value != null && !value.isIndirect()) {
                    visit(value, depth + 1);
                }
            }
        }
    }

    private void inspect(PdfDictionary dictionary) {
        PdfName action = dictionary.getAsName(PdfName.S);
        if (JAVASCRIPT.equals(action) || dictionary.contains(PdfName.JS)) {
            javaScript = true;
        }
        if (LAUNCH.equals(action)) {
            launch = true;
        }
        if (dictionary.contains(JAVASCRIPT) && !dictionary.contains(PdfName.S)) {
            javaScript = true; // the document's JavaScript name tree, in /Names
        }
        if (FILE_ATTACHMENT.equals(dictionary.getAsName(PdfName.SUBTYPE))) {
            attachments++;
        }
        if (dictionary.contains(EMBEDDED_FILES)) {
            nameTree = true;
        }
        if (dictionary.contains(EF)) {
            String name = fileName(dictionary);
            if (isSourceData(dictionary, name)) {
                sourceData = true;
            } else {
                embedded.add(name);
            }
            if (EXECUTABLE.contains(extension(name))) {
                executables.add(name);
            }
        }
        if (EMBEDDED_FILE.equals(dictionary.getAsName(PdfName.TYPE)) && dictionary instanceof PRStream stream) {
            String kind = executableMagic(stream);
            if (kind != null) {
                executables.add("a " + kind);
            }
        }
    }

    private static String fileName(PdfDictionary filespec) {
        PdfString name = filespec.getAsString(UF);
        if (name == null) {
            name = filespec.getAsString(PdfName.F);
        }
        String text = name == null ? "(unnamed)" : name.toUnicodeString();
        // The name is the attacker's text: only printable characters, and not too many of them, reach the report.
        text = text.replaceAll("[^\\p{L}\\p{N} ._()\\-]", "_");
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The first bytes of the embedded file, inflated no further than needed to see its magic number. */
    private static String executableMagic(PRStream stream) {
        byte[] head;
        try {
            byte[] raw = PdfReader.getStreamBytesRaw(stream);
            PdfObject filter = stream.get(PdfName.FILTER);
            if (filter == null) {
                head = raw;
            } else if (PdfName.FLATEDECODE.equals(filter)) {
                Inflater inflater = new Inflater();
                try {
                    inflater.setInput(raw);
                    head = new byte[8];
                    int n = inflater.inflate(head);
                    head = Arrays.copyOf(head, n);
                } finally {
                    inflater.end();
                }
            } else {
                return null;
            }
        } catch (IOException | DataFormatException | RuntimeException e) {
            return null;
        }
        if (head.length >= 2 && head[0] == 'M' && head[1] == 'Z') {
            return "Windows program (MZ)";
        }
        if (head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            return "Linux program (ELF)";
        }
        if (head.length >= 4
                && ((head[0] & 0xff) == 0xcf || (head[0] & 0xff) == 0xce)
                && (head[1] & 0xff) == 0xfa
                && (head[2] & 0xff) == 0xed
                && (head[3] & 0xff) == 0xfe) {
            return "macOS program (Mach-O)";
        }
        if (head.length >= 2 && head[0] == '#' && head[1] == '!') {
            return "script (#!)";
        }
        return null;
    }
}
