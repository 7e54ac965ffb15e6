package io.sello.storage;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code drafts} table (V5__drafts.sql). Every query names the owner: a draft that is not the
 * caller's is the same as one that does not exist, so ids do not leak.
 */
public class DraftTable {
    private static final RowMapper<Draft> DRAFT = (rs, n) -> new Draft(
            DraftId.parse(rs.getString("id")),
            rs.getString("type"),
            rs.getString("owner"),
            rs.getString("title"),
            rs.getString("data"),
            rs.getInt("version"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());
    private final JdbcClient jdbc;
    private final Clock clock;

    public DraftTable(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Draft insert(String type, String owner, String title, String data) {
        DraftId id = DraftId.random();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO drafts (id, type, owner, title, data, version, created_at, updated_at)
                        VALUES (:id, :type, :owner, :title, :data, 1, :at, :at)""")
                .param("id", id.toString())
                .param("type", type)
                .param("owner", owner)
                .param("title", title)
                .param("data", data)
                .param("at", now)
                .update();
        return find(id, owner).orElseThrow();
    }

    public Optional<Draft> find(DraftId id, String owner) {
        return jdbc.sql("SELECT * FROM drafts WHERE id = :id AND owner = :owner")
                .param("id", id.toString())
                .param("owner", owner)
                .query(DRAFT)
                .optional();
    }

    /** The owner's drafts, last saved first; {@code data} is left out (empty) since a list does not show it. */
    public List<Draft> ofOwner(String owner) {
        return jdbc.sql("""
                        SELECT id, type, owner, title, '{}' AS data, version, created_at, updated_at FROM drafts
                        WHERE owner = :owner ORDER BY updated_at DESC, id""").param("owner", owner).query(DRAFT).list();
    }

    /**
     * Saves over version {@code expected} only: one statement, so two saves that both read version n
     * cannot both succeed. {@code false} when the draft is not the owner's or its version is no longer n.
     */
    public boolean update(DraftId id, String owner, int expected, String title, String data) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE drafts SET title = :title, data = :data, version = version + 1, updated_at = :at
                        WHERE id = :id AND owner = :owner AND version = :version""")
                        .param("title", title)
                        .param("data", data)
                        .param("at", Timestamp.from(now))
                        .param("id", id.toString())
                        .param("owner", owner)
                        .param("version", expected)
                        .update()
                == 1;
    }

    public boolean delete(DraftId id, String owner) {
        return jdbc.sql("DELETE FROM drafts WHERE id = :id AND owner = :owner")
                        .param("id", id.toString())
                        .param("owner", owner)
                        .update()
                == 1;
    }

    /** Deletes the draft only if it is still at {@code version}: a save made meanwhile (another tab) is kept. */
    public boolean delete(DraftId id, String owner, int version) {
        return jdbc.sql("DELETE FROM drafts WHERE id = :id AND owner = :owner AND version = :version")
                        .param("id", id.toString())
                        .param("owner", owner)
                        .param("version", version)
                        .update()
                == 1;
    }
}
