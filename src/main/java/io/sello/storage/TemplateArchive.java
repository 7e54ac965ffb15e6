package io.sello.storage;

import io.sello.document.Hashes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The kept files of each template version (V7__template_versions.sql, issue 18 point 3): written once, the first
 * time a document is stored with the version, and never changed after. Bytes are kept once per SHA-256.
 */
public class TemplateArchive {
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Versions known to be kept: after the first store of a version, a store asks the database nothing more. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public TemplateArchive(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether the files of {@code version} are kept. */
    public boolean has(String version) {
        if (known.contains(version)) {
            return true;
        }
        boolean kept = jdbc.sql("SELECT COUNT(*) FROM template_versions WHERE version = :v")
                        .param("v", version)
                        .query(Long.class)
                        .single()
                > 0;
        if (kept) {
            known.add(version);
        }
        return kept;
    }

    /**
     * Keeps {@code files} (path to bytes) as {@code version} of {@code type}, unless it is kept already. Safe when two
     * stores keep the same new version at once: the second insert of the version row changes nothing, and its
     * transaction then leaves the files to the first.
     *
     * @return whether this call kept it
     */
    public boolean keep(String version, String type, Map<String, byte[]> files) {
        if (has(version)) {
            return false;
        }
        Boolean kept = transactions.execute(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO template_versions (version, type, created_at) VALUES (:v, :type, :at)
                            ON CONFLICT DO NOTHING""")
                    .param("v", version)
                    .param("type", type)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            if (inserted == 0) {
                return false;
            }
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                String sha = Hashes.sha256(file.getValue());
                boolean stored = jdbc.sql("SELECT COUNT(*) FROM template_blobs WHERE sha256 = :sha")
                                .param("sha", sha)
                                .query(Long.class)
                                .single()
                        > 0;
                if (!stored) {
                    // only a file no version had: the 2.5 MB of fonts cross the wire once, not once per version
                    jdbc.sql("INSERT INTO template_blobs (sha256, bytes) VALUES (:sha, :bytes) ON CONFLICT DO NOTHING")
                            .param("sha", sha)
                            .param("bytes", file.getValue())
                            .update();
                }
                jdbc.sql("INSERT INTO template_files (version, path, sha256) VALUES (:v, :path, :sha)")
                        .param("v", version)
                        .param("path", file.getKey())
                        .param("sha", sha)
                        .update();
            }
            return true;
        });
        known.add(version);
        return Boolean.TRUE.equals(kept);
    }

    /** The kept files of {@code version}, path to bytes; empty when it was never kept. */
    public Optional<Map<String, byte[]>> files(String version) {
        return files(version, path -> true);
    }

    /**
     * The kept files of {@code version} whose path {@code withBytes} accepts, path to bytes; the others are not read
     * (a re-render needs the templates, not the 2.5 MB of fonts: {@link #hashes} checks those). Empty when it was
     * never kept.
     */
    public Optional<Map<String, byte[]>> files(String version, Predicate<String> withBytes) {
        Map<String, String> hashes = hashes(version);
        if (hashes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (Map.Entry<String, String> file : hashes.entrySet()) {
            if (withBytes.test(file.getKey())) {
                files.put(
                        file.getKey(),
                        jdbc.sql("SELECT bytes FROM template_blobs WHERE sha256 = :sha")
                                .param("sha", file.getValue())
                                .query((rs, n) -> rs.getBytes(1))
                                .single());
            }
        }
        return Optional.of(files);
    }

    /** Path to SHA-256 of every kept file of {@code version}; empty when it was never kept. */
    public Map<String, String> hashes(String version) {
        Map<String, String> hashes = new TreeMap<>();
        jdbc.sql("SELECT path, sha256 FROM template_files WHERE version = :v")
                .param("v", version)
                .query(rs -> {
                    hashes.put(rs.getString(1), rs.getString(2));
                });
        return hashes;
    }

    /**
     * The versions of {@code type}, oldest first: those kept, with the day they were first used, and those of documents
     * stored before versions were kept (V7), with their first document's date and {@code kept = false}.
     */
    public List<TemplateVersion> versions(String type) {
        List<TemplateVersion> versions =
                new ArrayList<>(jdbc.sql("SELECT version, created_at FROM template_versions WHERE type = :type")
                        .param("type", type)
                        .query((rs, n) -> new TemplateVersion(
                                rs.getString(1), rs.getTimestamp(2).toInstant(), true))
                        .list());
        versions.addAll(jdbc.sql("""
                        SELECT template_version, MIN(created_at) FROM documents
                        WHERE type = :type AND template_version NOT IN (SELECT version FROM template_versions)
                        GROUP BY template_version""")
                .param("type", type)
                .query((rs, n) ->
                        new TemplateVersion(rs.getString(1), rs.getTimestamp(2).toInstant(), false))
                .list());
        versions.sort(Comparator.comparing(TemplateVersion::firstUsed).thenComparing(TemplateVersion::version));
        return versions;
    }

    /** @param kept whether its files are kept, so that its documents can be rendered again with it */
    public record TemplateVersion(String version, Instant firstUsed, boolean kept) {
        public TemplateVersion {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(firstUsed, "firstUsed");
        }
    }
}
