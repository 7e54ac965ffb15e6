package io.sello.storage;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Batches and their items: the requests as accepted, and each item's result once rendered. */
public class BatchStore {
    private static final String ITEM_COLUMNS = "item, name, input_json, status, error, file_name, attempts, worker";
    private static final RowMapper<Item> ITEM = (rs, n) -> new Item(
            rs.getInt("item"),
            rs.getString("name"),
            rs.getString("input_json"),
            ItemStatus.valueOf(rs.getString("status")),
            rs.getString("error"),
            rs.getString("file_name"),
            rs.getInt("attempts"),
            rs.getString("worker"));
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public BatchStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Where an item stands: pending until its one render records an outcome. Stored as the constant's name in
     * {@code batch_items.status} and shown so in the batch status answer.
     */
    public enum ItemStatus {
        PENDING,
        DONE,
        FAILED
    }

    /**
     * The webhook's progress, stored as the constant's name in {@code batches.webhook_state}: NONE while items are
     * pending, then QUEUED for the one caller that claimed completion, NOT_REQUESTED when the batch named no webhook,
     * DELIVERED once the receiver answered 2xx.
     */
    public enum WebhookState {
        NONE,
        QUEUED,
        NOT_REQUESTED,
        DELIVERED
    }

    public record NewItem(String name, String json) {}

    /**
     * @param attempts how many times a render of it began while it was pending: 1 normally, 2 when the
     *                 instance rendering it died and another took the job over
     * @param worker   the instance that recorded its outcome (sello.batches.instance-name), null while pending
     */
    public record Item(
            int item,
            String name,
            String json,
            ItemStatus status,
            String error,
            String fileName,
            int attempts,
            String worker) {}

    public record Batch(
            String id,
            String type,
            boolean lenient,
            int total,
            String webhookUrl,
            WebhookState webhookState,
            String createdBy,
            List<Item> items) {
        public long count(ItemStatus status) {
            return items.stream().filter(i -> i.status() == status).count();
        }
    }

    /** Stores the whole request in one transaction: once accepted, nothing of it can be lost. */
    public void create(
            String id, String type, boolean lenient, String webhookUrl, String createdBy, List<NewItem> items) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                            INSERT INTO batches (id, type, lenient, total, webhook_url, webhook_state, created_at, created_by)
                            VALUES (:id, :type, :lenient, :total, :webhook, :state, :at, :by)""")
                    .param("state", WebhookState.NONE.name())
                    .param("id", id)
                    .param("type", type)
                    .param("lenient", lenient)
                    .param("total", items.size())
                    .param("webhook", webhookUrl)
                    .param("at", Timestamp.from(clock.instant()))
                    .param("by", createdBy)
                    .update();
            for (int i = 0; i < items.size(); i++) {
                jdbc.sql("""
                                INSERT INTO batch_items (batch_id, item, name, input_json, status)
                                VALUES (:id, :item, :name, :json, :status)""")
                        .param("status", ItemStatus.PENDING.name())
                        .param("id", id)
                        .param("item", i)
                        .param("name", items.get(i).name())
                        .param("json", items.get(i).json())
                        .update();
            }
        });
    }

    /** The batch without its items: what each item's job needs, without reading every other item's input. */
    public Optional<Batch> header(String id) {
        return jdbc.sql(
                        "SELECT id, type, lenient, total, webhook_url, webhook_state, created_by FROM batches WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Batch(
                        rs.getString("id"),
                        rs.getString("type"),
                        rs.getBoolean("lenient"),
                        rs.getInt("total"),
                        rs.getString("webhook_url"),
                        WebhookState.valueOf(rs.getString("webhook_state")),
                        rs.getString("created_by"),
                        List.of()))
                .optional();
    }

    public Optional<Batch> find(String id) {
        Optional<Batch> header = header(id);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Batch b = header.get();
        List<Item> items = jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM batch_items WHERE batch_id = :id ORDER BY item")
                .param("id", id)
                .query(ITEM)
                .list();
        return Optional.of(new Batch(
                b.id(), b.type(), b.lenient(), b.total(), b.webhookUrl(), b.webhookState(), b.createdBy(), items));
    }

    public Optional<Item> item(String id, int item) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM batch_items WHERE batch_id = :id AND item = :item")
                .param("id", id)
                .param("item", item)
                .query(ITEM)
                .optional();
    }

    /** Counts a rendering attempt of a pending item: evidence that no item is rendered twice. */
    public void attempt(String id, int item) {
        jdbc.sql(
                        "UPDATE batch_items SET attempts = attempts + 1 WHERE batch_id = :id AND item = :item AND status = :pending")
                .param("id", id)
                .param("item", item)
                .param("pending", ItemStatus.PENDING.name())
                .update();
    }

    /** Records an item's outcome once: a retried or duplicated job finds it done and changes nothing. */
    public boolean finish(
            String id, int item, boolean ok, String error, byte[] result, String fileName, String worker) {
        return jdbc.sql("""
                        UPDATE batch_items SET status = :status, error = :error, result = :result, file_name = :file, worker = :worker
                        WHERE batch_id = :id AND item = :item AND status = :pending""")
                        .param("status", (ok ? ItemStatus.DONE : ItemStatus.FAILED).name())
                        .param("pending", ItemStatus.PENDING.name())
                        .param("error", error)
                        .param("result", result)
                        .param("file", fileName)
                        .param("worker", worker)
                        .param("id", id)
                        .param("item", item)
                        .update()
                == 1;
    }

    /** Per item: how many times it was attempted and which instance finished it. */
    public List<String> workLog(String id) {
        return jdbc.sql("SELECT attempts, worker FROM batch_items WHERE batch_id = :id ORDER BY item")
                .param("id", id)
                .query((rs, n) -> rs.getInt(1) + " " + rs.getString(2))
                .list();
    }

    /** True for exactly one caller, once every item is finished: that caller sends the webhook. */
    public boolean claimCompletion(String id) {
        return jdbc.sql("""
                        UPDATE batches SET webhook_state = :queued
                        WHERE id = :id AND webhook_state = :none
                          AND NOT EXISTS (SELECT 1 FROM batch_items WHERE batch_id = :id AND status = :pending)""")
                        .param("queued", WebhookState.QUEUED.name())
                        .param("none", WebhookState.NONE.name())
                        .param("pending", ItemStatus.PENDING.name())
                        .param("id", id)
                        .update()
                == 1;
    }

    public void webhookState(String id, WebhookState state) {
        jdbc.sql("UPDATE batches SET webhook_state = :state WHERE id = :id")
                .param("state", state.name())
                .param("id", id)
                .update();
    }

    /**
     * One item's PDF, or null when it is not (or no longer) rendered: results.zip reads them one at a
     * time, so a download never holds more than one in memory (issue 14).
     */
    public byte[] result(String id, int item) {
        return jdbc.sql("SELECT result FROM batch_items WHERE batch_id = :id AND item = :item AND status = :done")
                .param("id", id)
                .param("item", item)
                .param("done", ItemStatus.DONE.name())
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .orElse(null);
    }

    /** Whether the database answers a query now; false rather than an exception when it does not. */
    public boolean databaseAnswers() {
        try {
            return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        } catch (DataAccessException e) {
            return false;
        }
    }

    /** Items accepted and not yet rendered, over all batches: the queue depth. */
    public long pending() {
        Long count = jdbc.sql("SELECT COUNT(*) FROM batch_items WHERE status = :pending")
                .param("pending", ItemStatus.PENDING.name())
                .query(Long.class)
                .single();
        return count == null ? 0 : count;
    }
}
