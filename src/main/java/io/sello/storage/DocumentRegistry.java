package io.sello.storage;

import io.sello.document.Hashes;
import io.sello.document.SignatureSlot;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stored documents, their sign-offs and the audit trail, in any database Flyway has migrated
 * (H2 embedded, PostgreSQL). SQL only, no ORM: the schema is small and the queries are few.
 */
public class DocumentRegistry {
    private static final String DOCUMENT_COLUMNS = """
            id, type, status, file_name, rendered_sha256, sha256, template_version, input_json, signature_slots,
            created_at, created_by, version""";
    /** A document's row, its sign-offs still to be added ({@link StoredDocument#withSignOffs}). */
    private static final RowMapper<StoredDocument> DOCUMENT_ROW = (rs, n) -> new StoredDocument(
            DocumentId.parse(rs.getString("id")),
            rs.getString("type"),
            rs.getString("status"),
            rs.getString("file_name"),
            rs.getString("rendered_sha256"),
            rs.getString("sha256"),
            rs.getString("template_version"),
            rs.getString("input_json"),
            Slots.fromText(rs.getString("signature_slots")),
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("created_by"),
            rs.getInt("version"),
            List.of());

    private static final String SIGN_OFF_COLUMNS = "step, signer, position, username, signed_at, sha256, kind";
    private static final RowMapper<StoredDocument.SignOff> SIGN_OFF_ROW = (rs, n) -> new StoredDocument.SignOff(
            SignOffStep.valueOf(rs.getString("step")),
            rs.getString("signer"),
            rs.getString("position"),
            rs.getString("username"),
            rs.getTimestamp("signed_at").toInstant(),
            rs.getString("sha256"),
            SignOffKind.valueOf(rs.getString("kind")));
    private static final RowMapper<AuditEvent> AUDIT_EVENT = (rs, n) -> new AuditEvent(
            rs.getLong("id"),
            rs.getString("document_id"),
            rs.getTimestamp("at").toInstant(),
            rs.getString("actor"),
            rs.getString("action"),
            rs.getString("result"),
            rs.getString("detail"));
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public DocumentRegistry(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public StoredDocument store(
            DocumentId id,
            String type,
            String fileName,
            byte[] pdf,
            String renderedSha256,
            String templateVersion,
            String inputJson,
            List<SignatureSlot> slots,
            String createdBy) {
        Instant now = clock.instant();
        String sha256 = Hashes.sha256(pdf);
        jdbc.sql("""
                        INSERT INTO documents (id, type, status, file_name, rendered_sha256, sha256, template_version,
                                               input_json, signature_slots, pdf, created_at, created_by, version)
                        VALUES (:id, :type, 'STORED', :fileName, :rendered, :sha, :template, :input, :slots, :pdf, :at, :by, 1)""")
                .param("id", id.toString())
                .param("type", type)
                .param("fileName", fileName)
                .param("rendered", renderedSha256)
                .param("sha", sha256)
                .param("template", templateVersion)
                .param("input", inputJson)
                .param("slots", Slots.toText(slots))
                .param("pdf", pdf)
                .param("at", Timestamp.from(now))
                .param("by", createdBy)
                .update();
        return find(id).orElseThrow();
    }

    public Optional<StoredDocument> find(DocumentId id) {
        List<StoredDocument> found = jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM documents WHERE id = :id")
                .param("id", id.toString())
                .query(DOCUMENT_ROW)
                .list();
        return found.stream().findFirst().map(d -> d.withSignOffs(signOffs(id)));
    }

    /**
     * The latest stored documents, newest first, with their sign-offs: two queries whatever the limit (it was one per
     * document and one more per document for its sign-offs, 1 + 2N, before issue 18).
     */
    public List<StoredDocument> latest(int limit) {
        List<StoredDocument> documents = jdbc.sql(
                        "SELECT " + DOCUMENT_COLUMNS + " FROM documents ORDER BY created_at DESC, id LIMIT :limit")
                .param("limit", limit)
                .query(DOCUMENT_ROW)
                .list();
        if (documents.isEmpty()) {
            return List.of();
        }
        Map<String, List<StoredDocument.SignOff>> signOffs = new HashMap<>();
        jdbc.sql("SELECT document_id, " + SIGN_OFF_COLUMNS + " FROM sign_offs WHERE document_id IN (:ids)")
                .param("ids", documents.stream().map(d -> d.id().toString()).toList())
                .query((rs, n) -> Map.entry(rs.getString("document_id"), SIGN_OFF_ROW.mapRow(rs, n)))
                .list()
                .forEach(e -> signOffs.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return documents.stream()
                .map(d -> d.withSignOffs(sortedByStep(signOffs.getOrDefault(d.id().toString(), List.of()))))
                .toList();
    }

    public byte[] pdf(DocumentId id) {
        return jdbc.sql("SELECT pdf FROM documents WHERE id = :id")
                .param("id", id.toString())
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no document " + id));
    }

    private List<StoredDocument.SignOff> signOffs(DocumentId id) {
        return sortedByStep(jdbc.sql("SELECT " + SIGN_OFF_COLUMNS + " FROM sign_offs WHERE document_id = :id")
                .param("id", id.toString())
                .query(SIGN_OFF_ROW)
                .list());
    }

    private static List<StoredDocument.SignOff> sortedByStep(List<StoredDocument.SignOff> signOffs) {
        return signOffs.stream()
                .sorted(Comparator.comparing(StoredDocument.SignOff::step))
                .toList();
    }

    /**
     * Records a sign-off and the newly signed PDF, only if nobody changed the document since
     * {@code expectedVersion} was read. {@code false} when someone else signed first.
     *
     * @param kind whether {@code pdf}'s new signature was made with the signer's own key or the service seal
     */
    public boolean recordSignOff(
            DocumentId id,
            int expectedVersion,
            SignOffStep step,
            String signer,
            String position,
            String username,
            SignOffKind kind,
            Instant at,
            byte[] pdf) {
        String sha256 = Hashes.sha256(pdf);
        Boolean done = transactions.execute(status -> {
            int updated = jdbc.sql("""
                            UPDATE documents SET status = :status, pdf = :pdf, sha256 = :sha, version = version + 1
                            WHERE id = :id AND version = :version""")
                    .param("status", step.name())
                    .param("pdf", pdf)
                    .param("sha", sha256)
                    .param("id", id.toString())
                    .param("version", expectedVersion)
                    .update();
            if (updated != 1) {
                return false;
            }
            jdbc.sql("""
                            INSERT INTO sign_offs (document_id, step, signer, position, username, signed_at, sha256, kind)
                            VALUES (:id, :step, :signer, :position, :username, :at, :sha, :kind)""")
                    .param("id", id.toString())
                    .param("step", step.name())
                    .param("signer", signer)
                    .param("position", position)
                    .param("username", username)
                    .param("at", Timestamp.from(at))
                    .param("sha", sha256)
                    .param("kind", kind.name())
                    .update();
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** The stored document whose current file, or one of whose signed versions, has this hash. */
    public Optional<DocumentId> findBySha256(String sha256) {
        List<String> ids = jdbc.sql("""
                        SELECT id FROM documents WHERE sha256 = :sha OR rendered_sha256 = :sha
                        UNION SELECT document_id FROM sign_offs WHERE sha256 = :sha""")
                .param("sha", sha256)
                .query((rs, n) -> rs.getString(1))
                .list();
        return ids.isEmpty() ? Optional.empty() : Optional.of(DocumentId.parse(ids.get(0)));
    }

    /**
     * An audit line holds every warning of a render (V3__audit_detail.sql): the 26 rounding differences of
     * seed 003's annex take about 5,000 characters. The bound keeps one event from growing without limit.
     */
    public static final int DETAIL_MAX = 20_000;

    public void audit(DocumentId document, String actor, String action, String result, String detail) {
        jdbc.sql("""
                        INSERT INTO audit_events (document_id, at, actor, action, result, detail)
                        VALUES (:document, :at, :actor, :action, :result, :detail)""")
                .param("document", document == null ? null : document.toString())
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("action", action)
                .param("result", result)
                .param("detail", detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX - 1) + "…" : detail)
                .update();
    }

    /**
     * Counts one event in today's (UTC) row of {@code audit_daily_counts} (V4__audit_daily_counts.sql),
     * for events too cheap to ask for, such as anonymous verifications, to get a row each.
     * Portable upsert for H2 (PostgreSQL mode) and PostgreSQL, safe under concurrency without a
     * transaction: raise the row; if there was none, insert it, and if another caller inserted it
     * first (ON CONFLICT DO NOTHING changed nothing), raise the row it made. ON CONFLICT has no
     * target column list because H2 accepts only that form.
     */
    public void countDaily(String action, String result) {
        Date day = Date.valueOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        String raise =
                "UPDATE audit_daily_counts SET events = events + 1 WHERE day_utc = :day AND action = :action AND result = :result";
        if (jdbc.sql(raise)
                        .param("day", day)
                        .param("action", action)
                        .param("result", result)
                        .update()
                > 0) {
            return;
        }
        int inserted = jdbc.sql("""
                        INSERT INTO audit_daily_counts (day_utc, action, result, events) VALUES (:day, :action, :result, 1)
                        ON CONFLICT DO NOTHING""")
                .param("day", day)
                .param("action", action)
                .param("result", result)
                .update();
        if (inserted == 0) {
            jdbc.sql(raise)
                    .param("day", day)
                    .param("action", action)
                    .param("result", result)
                    .update();
        }
    }

    /** The daily counts from {@code since} (UTC day) on, oldest day first. */
    public List<DailyCount> dailyCounts(LocalDate since) {
        return jdbc.sql("""
                        SELECT day_utc, action, result, events FROM audit_daily_counts WHERE day_utc >= :since
                        ORDER BY day_utc, action, result""")
                .param("since", Date.valueOf(since))
                .query((rs, n) -> new DailyCount(
                        rs.getDate("day_utc").toLocalDate(),
                        rs.getString("action"),
                        rs.getString("result"),
                        rs.getLong("events")))
                .list();
    }

    /** How many audit rows there are: what a flood of anonymous calls must leave unchanged. */
    public long auditRowCount() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events").query(Long.class).single();
    }

    /** The latest events of the whole service, newest first: renders that were not stored, unknown files verified. */
    public List<AuditEvent> recentAudit(int limit) {
        return jdbc.sql(
                        "SELECT id, document_id, at, actor, action, result, detail FROM audit_events ORDER BY id DESC LIMIT :limit")
                .param("limit", limit)
                .query(AUDIT_EVENT)
                .list();
    }

    public List<AuditEvent> auditOf(DocumentId document) {
        return new ArrayList<>(jdbc.sql("""
                        SELECT id, document_id, at, actor, action, result, detail FROM audit_events
                        WHERE document_id = :document ORDER BY id""")
                .param("document", document.toString())
                .query(AUDIT_EVENT)
                .list());
    }
}
