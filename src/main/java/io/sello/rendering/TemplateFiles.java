package io.sello.rendering;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every file that can change what a document type prints (issue 18, point 3): its templates, the CSS they link, the
 * shared macros and templates they import, the JRXML and its subreports, the bundled fonts and the type's schema.
 * Keys are paths inside the jar; the map is sorted and its arrays are never handed out, so a set cannot change once
 * made. Its {@link #fingerprint()} is the template version: a change to any one byte of any file changes it.
 *
 * <p>The set is found by following the references the templates themselves make ({@code <#import>},
 * {@code <#include>}, {@code <link href>}, CSS {@code @import} and {@code url()}, {@code SUBREPORT_*} parameters),
 * starting from each template a type renders, so a new shared file is covered without a list to keep up to date.
 *
 * <p>{@link #rendering} makes a set the one the engines read for the work it runs, on that thread: that is how a
 * stored document is rendered again with the files it was first made with.
 */
public final class TemplateFiles {
    public static final String ROOT = "report-templates/";
    /** The font extension of both engines (fonts/fonts.xml, see pom.xml): it names the four faces. */
    public static final String FONTS = "sello/fonts/fonts.xml";

    private static final Pattern FTL_IMPORT = Pattern.compile("<#(?:import|include)\\s+\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("<link\\b[^>]*\\bhref=\"([^\"#]+)\"");
    private static final Pattern CSS_URL = Pattern.compile("(?:@import\\s+|url\\(\\s*)[\"']?([^\"')\\s;]+)");
    private static final Pattern SUBREPORT = Pattern.compile("<parameter\\s+name=\"SUBREPORT_([A-Z0-9_]+)\"");
    private static final Pattern FONT_FILE = Pattern.compile(">\\s*([^<>\\s]+\\.(?:ttf|otf))\\s*<");
    private static final ThreadLocal<TemplateFiles> ACTIVE = new ThreadLocal<>();

    private final SortedMap<String, byte[]> files;
    private final String fingerprint;

    private TemplateFiles(Map<String, byte[]> files) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
        this.files = Collections.unmodifiableSortedMap(copy);
        this.fingerprint = fingerprintOf(copy);
    }

    /** A set read back from the registry, exactly as it was stored. */
    public static TemplateFiles of(Map<String, byte[]> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a template set has at least one file");
        }
        return new TemplateFiles(files);
    }

    /**
     * The files of {@code templates} and everything they reach, plus the fonts and {@code others} (the schema).
     *
     * @throws IllegalStateException when a template or a file it references is missing: a packaging bug
     */
    public static TemplateFiles discover(Collection<TemplateId> templates, List<String> others, TemplateSource source) {
        Map<String, byte[]> found = new TreeMap<>();
        walk(templates, others, source, false, (path, bytes) -> found.put(path, bytes));
        return new TemplateFiles(found);
    }

    /**
     * The same fingerprint as {@code discover(…).fingerprint()}, without keeping the files: what a type computes at
     * start-up. Read from the jar, a file that references nothing (a font) is hashed once per process, however many
     * types share it: four types then hash the 2.5 MB of fonts once, not four times.
     */
    public static String fingerprint(Collection<TemplateId> templates, List<String> others, TemplateSource source) {
        SortedMap<String, String> hashes = new TreeMap<>();
        walk(
                templates,
                others,
                source,
                true,
                (path, bytes) -> hashes.put(path, bytes == null ? JAR_HASHES.get(path) : sha256(bytes)));
        return fingerprintOfHashes(hashes);
    }

    /** SHA-256 of the jar's files that reference nothing, by path: the jar does not change while the service runs. */
    private static final Map<String, String> JAR_HASHES = new ConcurrentHashMap<>();

    /**
     * Every file the templates reach, each given to {@code visit} once. With {@code hashesOnly}, {@code visit} gets a
     * {@code null} array for a jar file whose hash {@link #JAR_HASHES} already holds.
     */
    private static void walk(
            Collection<TemplateId> templates,
            List<String> others,
            TemplateSource source,
            boolean hashesOnly,
            BiConsumer<String, byte[]> visit) {
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        for (TemplateId template : templates) {
            String base = ROOT + template.value() + "/" + template.value();
            boolean any = false;
            for (String main : new String[] {base + ".xhtml.ftl", base + ".jrxml"}) {
                if (source.read(main).isPresent()) {
                    pending.add(main);
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalStateException(
                        "template " + template + " has neither " + base + ".xhtml.ftl nor .jrxml");
            }
        }
        pending.add(FONTS);
        pending.addAll(others);
        while (!pending.isEmpty()) {
            String path = pending.poll();
            if (!seen.add(path)) {
                continue;
            }
            if (hashesOnly
                    && source == TemplateSource.CLASSPATH
                    && !mayReference(path)
                    && JAR_HASHES.containsKey(path)) {
                visit.accept(path, null);
                continue;
            }
            byte[] bytes =
                    source.read(path).orElseThrow(() -> new IllegalStateException("template file missing: " + path));
            if (source == TemplateSource.CLASSPATH && !mayReference(path)) {
                JAR_HASHES.put(path, sha256(bytes));
            }
            visit.accept(path, bytes);
            if (mayReference(path)) { // the fonts (2.5 MB) are never decoded as text
                pending.addAll(references(path, new String(bytes, StandardCharsets.UTF_8)));
            }
        }
    }

    private static boolean mayReference(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".ftl") || lower.endsWith(".css") || lower.endsWith(".jrxml") || path.equals(FONTS);
    }

    /** The files a template file names, as paths inside the jar. */
    static List<String> references(String path, String text) {
        String lower = path.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        if (lower.endsWith(".ftl")) {
            // FreeMarker: "/x/y.ftl" is from the template root, anything else from the template's own folder
            for (Matcher m = FTL_IMPORT.matcher(text); m.find(); ) {
                String name = m.group(1);
                out.add(name.startsWith("/") ? ROOT + name.substring(1) : resolve(path, name));
            }
            for (Matcher m = LINK.matcher(text); m.find(); ) {
                out.add(resolve(path, m.group(1)));
            }
        } else if (lower.endsWith(".css")) {
            for (Matcher m = CSS_URL.matcher(text); m.find(); ) {
                if (!m.group(1).regionMatches(true, 0, "data:", 0, 5)) {
                    out.add(resolve(path, m.group(1)));
                }
            }
        } else if (lower.endsWith(".jrxml")) {
            // JasperTemplates' rule: parameter SUBREPORT_BUDGET_LINES is budget-lines.jrxml beside the report
            for (Matcher m = SUBREPORT.matcher(text); m.find(); ) {
                out.add(resolve(path, m.group(1).toLowerCase(Locale.ROOT).replace('_', '-') + ".jrxml"));
            }
        } else if (path.equals(FONTS)) {
            for (Matcher m = FONT_FILE.matcher(text); m.find(); ) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** {@code name} against the folder of {@code from}; a name that climbs out of the jar's root is refused. */
    private static String resolve(String from, String name) {
        String resolved =
                URI.create("x:/" + from).resolve(name).normalize().getPath().substring(1);
        if (resolved.startsWith("..") || resolved.contains("/../") || name.contains(":") || name.contains("\\")) {
            throw new IllegalStateException(from + " references a file outside the templates: " + name);
        }
        return resolved;
    }

    private static String fingerprintOf(SortedMap<String, byte[]> files) {
        SortedMap<String, String> hashes = new TreeMap<>();
        files.forEach((path, bytes) -> hashes.put(path, sha256(bytes)));
        return fingerprintOfHashes(hashes);
    }

    private static String fingerprintOfHashes(SortedMap<String, String> hashes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> file : hashes.entrySet()) {
                // path and content hash, NUL-separated: moving a file changes the version as much as editing it
                digest.update((file.getKey() + "\0" + file.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The first 12 hex digits of SHA-256 over every path and the SHA-256 of its bytes. */
    public String fingerprint() {
        return fingerprint;
    }

    public Set<String> paths() {
        return files.keySet();
    }

    /** A copy of the file's bytes. */
    public Optional<byte[]> read(String path) {
        byte[] bytes = files.get(path);
        return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }

    /** The bytes without a copy, for the engines in this package's sub-packages and the registry; never changed by them. */
    public byte[] bytesOf(String path) {
        return files.get(path);
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    /** The set the engines read on this thread, when a caller chose one with {@link #rendering}. */
    public static Optional<TemplateFiles> active() {
        return Optional.ofNullable(ACTIVE.get());
    }

    /** Runs {@code work} with the engines reading templates from {@code files} instead of the jar. */
    public static <T> T rendering(TemplateFiles files, Supplier<T> work) {
        TemplateFiles before = ACTIVE.get();
        ACTIVE.set(files);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(before);
            }
        }
    }

    @Override
    public String toString() {
        return "TemplateFiles" + files.keySet() + "@" + fingerprint;
    }

    /**
     * SHA-256 as lowercase hex, as io.sello.document.Hashes writes it (the registry compares the two): written here
     * because the engines' package depends on no feature package (ArchitectureTest, no cycles).
     */
    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
