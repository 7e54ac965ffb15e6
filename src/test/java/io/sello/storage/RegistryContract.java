package io.sello.storage;

import io.sello.document.Hashes;
import io.sello.document.SignatureSlot;
import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the registry promises, run against each database it supports (H2 embedded, PostgreSQL), on a
 * schema Flyway migrates from scratch.
 */
abstract class RegistryContract {
    private static final Instant NOW = Instant.parse("2021-07-07T16:00:00Z");
    private DocumentRegistry registry;
    private SimpleDriverDataSource dataSource;

    /** A JDBC URL to an empty (or disposable) database. */
    abstract String url();

    @BeforeEach
    void migrate() throws Exception {
        String url = url();
        Driver driver = DriverManager.getDriver(url);
        dataSource = new SimpleDriverDataSource(driver, url);
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .load();
        flyway.clean();
        assertThat(flyway.migrate().success).isTrue();
        assertThat(flyway.info().pending()).as("every migration applied").isEmpty();
        registry = new DocumentRegistry(
                JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private StoredDocument store(byte[] pdf) {
        return registry.store(
                DocumentId.random(),
                "poa-execution-form",
                "FORM.pdf",
                pdf,
                Hashes.sha256("rendered".getBytes()),
                "poa-execution-form@abc",
                "{\"header\": \"Ejecución\"}",
                List.of(new SignatureSlot("ELABORADO", 4, 570f, 253.5f, 202f, 30f)),
                "ana");
    }

    @Test
    void aStoredDocumentComesBackAsStored() {
        byte[] pdf = "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII);
        StoredDocument stored = store(pdf);
        StoredDocument found = registry.find(stored.id()).orElseThrow();
        assertThat(found.status()).isEqualTo("STORED");
        assertThat(found.sha256()).isEqualTo(Hashes.sha256(pdf));
        assertThat(found.inputJson()).isEqualTo("{\"header\": \"Ejecución\"}");
        assertThat(found.slots()).containsExactly(new SignatureSlot("ELABORADO", 4, 570f, 253.5f, 202f, 30f));
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(found.createdBy()).isEqualTo("ana");
        assertThat(registry.pdf(stored.id())).isEqualTo(pdf);
        assertThat(registry.find(DocumentId.random())).isEmpty();
    }

    /** The registry list: newest first, each with its sign-offs as find gives them, in two statements whatever the limit. */
    @Test
    void theLatestDocumentsComeWithTheirSignOffsInTwoStatements() {
        List<StoredDocument> stored = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stored.add(store(("v" + i).getBytes()));
        }
        StoredDocument signed = stored.get(1);
        assertThat(registry.recordSignOff(
                        signed.id(),
                        1,
                        SignOffStep.ELABORADO,
                        "Ana Quispe",
                        "Técnico",
                        "ana",
                        SignOffKind.PERSONAL,
                        NOW,
                        "v1 signed".getBytes()))
                .isTrue();
        assertThat(registry.recordSignOff(
                        signed.id(),
                        2,
                        SignOffStep.REVISADO,
                        "Luis Mamani",
                        "Jefe",
                        "luis",
                        SignOffKind.PERSONAL,
                        NOW,
                        "v1 signed twice".getBytes()))
                .isTrue();
        AtomicInteger statements = new AtomicInteger();
        DocumentRegistry counted = new DocumentRegistry(
                JdbcClient.create(countingStatements(statements)),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.fixed(NOW, ZoneOffset.UTC));

        List<StoredDocument> latest = counted.latest(3);
        assertThat(statements.get()).isEqualTo(2);
        assertThat(latest).hasSize(3);
        // all four were stored at the same instant: the list breaks the tie by id, as its ORDER BY says
        List<StoredDocument> expected = stored.stream()
                .sorted(Comparator.comparing((StoredDocument d) -> d.id().toString()))
                .limit(3)
                .map(d -> registry.find(d.id()).orElseThrow())
                .toList();
        assertThat(latest).isEqualTo(expected);
        statements.set(0);
        List<StoredDocument> all = counted.latest(10);
        assertThat(statements.get()).isEqualTo(2);
        assertThat(all).hasSize(4);
        assertThat(all.stream().filter(d -> d.id().equals(signed.id())).flatMap(d -> d.signOffs().stream()))
                .extracting(s -> s.step() + " " + s.username())
                .containsExactly("ELABORADO ana", "REVISADO luis");
    }

    /** A data source that counts the statements prepared through it. */
    private DataSource countingStatements(AtomicInteger count) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare")
                                    || method.getName().equals("createStatement")) {
                                count.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    /**
     * Template versions (V7, issue 18 point 3): kept once, read back byte for byte, a file shared by two versions
     * stored once; versions of documents stored before V7 are listed as not kept.
     */
    @Test
    void aTemplateVersionIsKeptOnceAndSharedFilesOnce() {
        TemplateArchive archive = new TemplateArchive(
                JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.fixed(NOW, ZoneOffset.UTC));
        byte[] font = new byte[300_000];
        new Random(7).nextBytes(font);
        Map<String, byte[]> v1 = Map.of(
                "sello/fonts/a.ttf",
                font,
                "report-templates/x/x.xhtml.ftl",
                "<p>uno</p>".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> v2 = Map.of(
                "sello/fonts/a.ttf",
                font,
                "report-templates/x/x.xhtml.ftl",
                "<p>dos</p>".getBytes(StandardCharsets.UTF_8));
        assertThat(archive.has("x@1")).isFalse();
        assertThat(archive.keep("x@1", "x", v1)).isTrue();
        assertThat(archive.keep("x@1", "x", v2))
                .as("a kept version never changes")
                .isFalse();
        assertThat(new TemplateArchive(
                                JdbcClient.create(dataSource),
                                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                                Clock.systemUTC())
                        .keep("x@1", "x", v2))
                .as("nor through another instance")
                .isFalse();
        assertThat(archive.keep("x@2", "x", v2)).isTrue();
        assertThat(archive.files("x@1").orElseThrow().get("report-templates/x/x.xhtml.ftl"))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("<p>uno</p>");
        assertThat(archive.files("x@2").orElseThrow().get("sello/fonts/a.ttf")).isEqualTo(font);
        assertThat(archive.files("x@3")).isEmpty();
        assertThat(archive.hashes("x@2"))
                .containsEntry("sello/fonts/a.ttf", Hashes.sha256(font))
                .hasSize(2);
        assertThat(archive.files("x@2", path -> !path.endsWith(".ttf")).orElseThrow())
                .containsOnlyKeys("report-templates/x/x.xhtml.ftl");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM template_blobs")
                        .query(Long.class)
                        .single())
                .as("the font once, two templates")
                .isEqualTo(3);
        store("%PDF-1.4 fake"
                .getBytes(StandardCharsets.US_ASCII)); // poa-execution-form@abc, stored before versions were kept
        assertThat(archive.versions("x"))
                .extracting(TemplateArchive.TemplateVersion::version)
                .containsExactly("x@1", "x@2");
        assertThat(archive.versions("x")).allSatisfy(v -> {
            assertThat(v.kept()).isTrue();
            assertThat(v.firstUsed()).isEqualTo(NOW);
        });
        assertThat(archive.versions("poa-execution-form"))
                .containsExactly(new TemplateArchive.TemplateVersion("poa-execution-form@abc", NOW, false));
    }

    /** Drafts (V5): the owner's only, and a save over a stale version loses, on each database. */
    @Test
    void aDraftIsTheOwnersAndAStaleSaveLoses() {
        DraftTable drafts = new DraftTable(JdbcClient.create(dataSource), Clock.fixed(NOW, ZoneOffset.UTC));
        Draft draft = drafts.insert("budget-summary", "ana", "Cuadro 1", "{\"monto\":\"1237022.00\"}");
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.createdAt()).isEqualTo(NOW);
        assertThat(drafts.find(draft.id(), "luis")).isEmpty();
        assertThat(drafts.ofOwner("luis")).isEmpty();
        assertThat(drafts.ofOwner("ana")).extracting(Draft::title).containsExactly("Cuadro 1");
        assertThat(drafts.update(draft.id(), "luis", 1, "x", "{}")).isFalse();
        assertThat(drafts.update(draft.id(), "ana", 1, "Cuadro 1", "{\"monto\":\"1.00\"}"))
                .isTrue();
        assertThat(drafts.update(draft.id(), "ana", 1, "Cuadro 1", "{\"monto\":\"2.00\"}"))
                .as("a save over version 1 after version 2")
                .isFalse();
        Draft found = drafts.find(draft.id(), "ana").orElseThrow();
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.data()).isEqualTo("{\"monto\":\"1.00\"}");
        assertThat(drafts.delete(draft.id(), "ana", 1))
                .as("issued from a stale version: the newer save stays")
                .isFalse();
        assertThat(drafts.delete(draft.id(), "luis")).isFalse();
        assertThat(drafts.delete(draft.id(), "ana")).isTrue();
        assertThat(drafts.find(draft.id(), "ana")).isEmpty();
    }

    @Test
    void aSignOffReplacesTheFileKeepsItsHashAndLosesARace() {
        StoredDocument stored = store("v1".getBytes());
        byte[] signed = "v2 signed".getBytes();
        assertThat(registry.recordSignOff(
                        stored.id(),
                        stored.version(),
                        SignOffStep.ELABORADO,
                        "Ana Quispe",
                        "Técnico",
                        "ana",
                        SignOffKind.SEAL,
                        NOW,
                        signed))
                .isTrue();
        // a second sign-off computed from the same, now stale, version must not win
        assertThat(registry.recordSignOff(
                        stored.id(),
                        stored.version(),
                        SignOffStep.ELABORADO,
                        "Otra",
                        "x",
                        "eve",
                        SignOffKind.SEAL,
                        NOW,
                        "v2b".getBytes()))
                .isFalse();
        StoredDocument found = registry.find(stored.id()).orElseThrow();
        assertThat(found.status()).isEqualTo("ELABORADO");
        assertThat(found.signOffs()).extracting(StoredDocument.SignOff::signer).containsExactly("Ana Quispe");
        assertThat(registry.pdf(stored.id())).isEqualTo(signed);
        assertThat(registry.findBySha256(Hashes.sha256(signed))).contains(stored.id());
        assertThat(registry.findBySha256(Hashes.sha256("v1".getBytes())))
                .isEmpty(); // the unsigned file is no longer current...
        assertThat(registry.findBySha256(found.renderedSha256()))
                .contains(stored.id()); // ...but its rendered hash is known
    }

    /** Issue 16: each sign-off keeps whether it was a personal signature or the service seal (V6). */
    @Test
    void eachSignOffKeepsItsKind() {
        StoredDocument stored = store("v1".getBytes());
        assertThat(registry.recordSignOff(
                        stored.id(),
                        1,
                        SignOffStep.ELABORADO,
                        "Ana Quispe",
                        "Técnico",
                        "ana",
                        SignOffKind.PERSONAL,
                        NOW,
                        "v2".getBytes()))
                .isTrue();
        assertThat(registry.recordSignOff(
                        stored.id(),
                        2,
                        SignOffStep.REVISADO,
                        "sistema-poa",
                        "Sistema",
                        "sistema-poa",
                        SignOffKind.SEAL,
                        NOW,
                        "v3".getBytes()))
                .isTrue();
        assertThat(registry.find(stored.id()).orElseThrow().signOffs())
                .extracting(s -> s.step() + " " + s.username() + " " + s.kind())
                .containsExactly("ELABORADO ana PERSONAL", "REVISADO sistema-poa SEAL");
        // the column takes only the two kinds, and has no default a forgotten value could fall back on
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Assertions.assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO sign_offs (document_id, step, signer, position, username, signed_at, sha256, kind)
                        VALUES (:id, 'APROBADO', 'x', 'x', 'x', :at, :sha, 'BOTH')""")
                        .param("id", stored.id().toString())
                        .param("at", Timestamp.from(NOW))
                        .param("sha", "0".repeat(64))
                        .update())
                .isInstanceOf(DataAccessException.class);
        Assertions.assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO sign_offs (document_id, step, signer, position, username, signed_at, sha256)
                        VALUES (:id, 'APROBADO', 'x', 'x', 'x', :at, :sha)""")
                        .param("id", stored.id().toString())
                        .param("at", Timestamp.from(NOW))
                        .param("sha", "0".repeat(64))
                        .update())
                .isInstanceOf(DataAccessException.class);
    }

    /** A sign-off recorded before V6 existed becomes a seal: the registry claims no personal signature it cannot vouch for. */
    @Test
    void signOffsFromBeforeTheKindColumnAreSeals() {
        Flyway upToV5 = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .target("5")
                .load();
        upToV5.clean();
        upToV5.migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                INSERT INTO documents (id, type, status, file_name, rendered_sha256, sha256, template_version, input_json,
                                       signature_slots, pdf, created_at, created_by, version)
                VALUES ('00000000-0000-4000-8000-000000000001', 'poa-execution-form', 'ELABORADO', 'F.pdf', :sha, :sha, 't', '{}',
                        '', :pdf, :at, 'ana', 2)""")
                .param("sha", "0".repeat(64))
                .param("pdf", "x".getBytes())
                .param("at", Timestamp.from(NOW))
                .update();
        jdbc.sql("""
                INSERT INTO sign_offs (document_id, step, signer, position, username, signed_at, sha256)
                VALUES ('00000000-0000-4000-8000-000000000001', 'ELABORADO', 'Ana Quispe', 'Técnico', 'ana', :at, :sha)""")
                .param("at", Timestamp.from(NOW))
                .param("sha", "1".repeat(64))
                .update();
        assertThat(Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate()
                        .success)
                .isTrue();
        assertThat(registry.find(DocumentId.parse("00000000-0000-4000-8000-000000000001"))
                        .orElseThrow()
                        .signOffs())
                .extracting(StoredDocument.SignOff::kind)
                .containsExactly(SignOffKind.SEAL);
    }

    @Test
    void theAuditTrailKeepsItsOrder() {
        StoredDocument stored = store("x".getBytes());
        registry.audit(stored.id(), "ana", "store", "ok", "stored");
        // a detail over the bound is cut, with an ellipsis saying so; one at the bound is kept whole
        registry.audit(stored.id(), "luis", "sign-off", "refused", "x".repeat(DocumentRegistry.DETAIL_MAX + 1000));
        registry.audit(stored.id(), "rosa", "store", "ok", "y".repeat(DocumentRegistry.DETAIL_MAX));
        registry.audit(null, "anonymous", "verify", "refused", "unknown file");
        List<AuditEvent> trail = registry.auditOf(stored.id());
        assertThat(trail).extracting(AuditEvent::actor).containsExactly("ana", "luis", "rosa");
        assertThat(trail.get(1).detail()).hasSize(DocumentRegistry.DETAIL_MAX).endsWith("x…");
        assertThat(trail.get(2).detail()).isEqualTo("y".repeat(DocumentRegistry.DETAIL_MAX));
        assertThat(trail.get(0).at()).isEqualTo(NOW);
        assertThat(registry.recentAudit(2)).extracting(AuditEvent::action).containsExactly("verify", "store");
    }

    /**
     * Issue 14, point 4: events counted per day instead of a row each. Concurrent callers lose no
     * count (the first insert of a day races), a new UTC day starts a new row, and audit_events is untouched.
     */
    @Test
    void dailyCountsAddUpUnderConcurrencyAndStartAgainEachDay() throws Exception {
        long auditRows = registry.auditRowCount();
        int threads = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    registry.countDaily("verify-upload", "ok");
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        registry.countDaily("verify-upload", "refused");
        DocumentRegistry tomorrow = new DocumentRegistry(
                JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.fixed(NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC));
        tomorrow.countDaily("verify-stored", "ok");
        tomorrow.countDaily("verify-stored", "ok");
        LocalDate today = LocalDate.of(2021, 7, 7);
        assertThat(registry.dailyCounts(today))
                .containsExactly(
                        new DailyCount(today, "verify-upload", "ok", threads * each),
                        new DailyCount(today, "verify-upload", "refused", 1),
                        new DailyCount(today.plusDays(1), "verify-stored", "ok", 2));
        assertThat(registry.dailyCounts(today.plusDays(1))).hasSize(1);
        assertThat(registry.auditRowCount()).as("counting writes no audit row").isEqualTo(auditRows);
    }
}
