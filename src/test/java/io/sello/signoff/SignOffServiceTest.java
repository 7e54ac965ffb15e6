package io.sello.signoff;

import io.sello.signing.Keystores;
import io.sello.signing.PdfSigner;
import io.sello.signing.PdfVerifier;
import io.sello.signing.SigningKeys;
import io.sello.signing.SigningProperties;
import io.sello.signing.VerificationStamp;
import io.sello.storage.AuditEvent;
import io.sello.storage.DocumentId;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.SignOffStep;
import io.sello.storage.StorageProperties;
import io.sello.storage.StoredDocument;
import io.sello.support.Fixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.flywaydb.core.Flyway;
import org.h2.Driver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16, point 1, on the service itself (no HTTP): separation of duties, on and off; which key each sign-off is
 * made with and the kind recorded for it; a system's sign-off is the service seal, whatever keys are configured.
 * The seed form is rendered and stored once; each test signs its own copy, on an embedded H2 registry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignOffServiceTest {
    private static final Actor ANA = new Actor("ana", "Ana Quispe", "Técnico de Planificación", Set.of("PREPARER"));
    private static final Actor LUIS =
            new Actor("luis", "Luis Mamani", "Jefe de la Unidad de Planificación", Set.of("REVIEWER"));
    private static final Actor ROSA =
            new Actor("rosa", "Rosa Choque", "Directora General Ejecutiva", Set.of("APPROVER"));
    /** One person who holds every role, as in a small office. */
    private static final Actor PILAR = new Actor(
            "pilar", "Pilar Vargas", "Responsable Administrativa", Set.of("PREPARER", "REVIEWER", "APPROVER"));
    /** An API key with every signing role; a personal keystore is even configured under its name (below). */
    private static final Actor SYSTEM =
            new Actor("sistema-poa", "sistema-poa", "Sistema", Set.of("PREPARER", "REVIEWER", "APPROVER"), true);

    private DocumentRegistry registry;
    private DocumentStore store;
    private SigningKeys keys;

    @BeforeAll
    void setUp(@TempDir Path keysDir) {
        String url = "jdbc:h2:mem:signoff-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        SimpleDriverDataSource data = new SimpleDriverDataSource(new Driver(), url);
        assertThat(Flyway.configure()
                        .dataSource(data)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate()
                        .success)
                .isTrue();
        registry = new DocumentRegistry(
                JdbcClient.create(data),
                new TransactionTemplate(new DataSourceTransactionManager(data)),
                Clock.systemUTC());
        store = new DocumentStore(registry, new VerificationStamp(), new StorageProperties(null));
        Path luis = keysDir.resolve("luis.p12");
        Keystores.generateDevelopment(luis, "luis-secret".toCharArray(), "Luis Mamani");
        Path system = keysDir.resolve("sistema.p12");
        Keystores.generateDevelopment(system, "sistema-secret".toCharArray(), "Sistema POA");
        keys = new SigningKeys(
                new SigningProperties(
                        keysDir.resolve("service.p12"),
                        "service-secret",
                        Map.of(
                                "luis", new SigningProperties.Signer(luis, "luis-secret"),
                                "sistema-poa", new SigningProperties.Signer(system, "sistema-secret")),
                        null),
                true);
    }

    private SignOffService service(boolean separateDuties) {
        return new SignOffService(
                registry,
                new PdfSigner(ZoneId.of("America/La_Paz")),
                keys,
                new SignOffProperties(separateDuties),
                new PdfVerifier());
    }

    private DocumentId stored() {
        return store.store(Fixtures.poaForm(), Fixtures.seedExample(), false, ANA)
                .document()
                .id();
    }

    @Test
    void byDefaultOnePersonTakesOneStepPerDocumentAndARefusalChangesNothing() throws Exception {
        assertThat(SignOffProperties.defaults().separateDuties()).isTrue();
        SignOffService service = new SignOffService(
                registry,
                new PdfSigner(ZoneId.of("America/La_Paz")),
                keys,
                SignOffProperties.defaults(),
                new PdfVerifier());
        DocumentId id = stored();
        service.signOff(id, Optional.empty(), PILAR);
        StoredDocument before = registry.find(id).orElseThrow();
        byte[] pdf = registry.pdf(id);

        assertThatThrownBy(() -> service.signOff(id, Optional.of(SignOffStep.REVISADO), PILAR))
                .isInstanceOfSatisfying(SignOffRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(SignOffRefused.Reason.SEPARATION_OF_DUTIES);
                    assertThat(refused.getMessage())
                            .isEqualTo("Separación de funciones: Pilar Vargas (pilar) ya firmó el paso"
                                    + " ELABORADO de este documento; el paso REVISADO debe firmarlo otra persona.");
                });
        assertThat(registry.find(id).orElseThrow()).isEqualTo(before);
        assertThat(registry.pdf(id)).isEqualTo(pdf);
        AuditEvent last = registry.auditOf(id).get(registry.auditOf(id).size() - 1);
        assertThat(last.actor() + " " + last.action() + " " + last.result()).isEqualTo("pilar sign-off refused");
        assertThat(last.detail()).startsWith("Separación de funciones");

        // other people take the next steps; the first signer still may not take the last one
        service.signOff(id, Optional.empty(), LUIS);
        assertThatThrownBy(() -> service.signOff(id, Optional.empty(), PILAR))
                .isInstanceOfSatisfying(
                        SignOffRefused.class,
                        refused -> assertThat(refused.getMessage()).contains("paso APROBADO"));
        service.signOff(id, Optional.empty(), ROSA);
        assertThat(registry.find(id).orElseThrow().status()).isEqualTo("APROBADO");
    }

    @Test
    void withTheRuleOffOnePersonWithTheThreeRolesMaySignEveryStep() throws Exception {
        SignOffService service = service(false);
        DocumentId id = stored();
        for (int i = 0; i < 3; i++) {
            service.signOff(id, Optional.empty(), PILAR);
        }
        StoredDocument done = registry.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo("APROBADO");
        assertThat(done.signOffs())
                .extracting(s -> s.step() + " " + s.username() + " " + s.kind())
                .containsExactly("ELABORADO pilar SEAL", "REVISADO pilar SEAL", "APROBADO pilar SEAL");
    }

    @Test
    void aPersonalKeystoreMakesAPersonalSignOffAndTheServiceKeyASeal() throws Exception {
        DocumentId id = stored();
        SignOffService service = service(true);
        service.signOff(id, Optional.empty(), ANA);
        service.signOff(id, Optional.empty(), LUIS);
        StoredDocument done = service.signOff(id, Optional.empty(), ROSA);
        assertThat(done.signOffs())
                .extracting(s -> s.step() + " " + s.username() + " " + s.kind())
                .containsExactly("ELABORADO ana SEAL", "REVISADO luis PERSONAL", "APROBADO rosa SEAL");
        // and the file says the same: Luis's own certificate, the service's for the two seals
        assertThat(signingCertificates(registry.pdf(id))).containsExactly("CN=Sello", "CN=Luis Mamani", "CN=Sello");
        assertThat(registry.auditOf(id))
                .extracting(AuditEvent::detail)
                .filteredOn(d -> d.contains(" signed by "))
                .containsExactly(
                        "ELABORADO signed by Ana Quispe (Técnico de Planificación), service seal",
                        "REVISADO signed by Luis Mamani (Jefe de la Unidad de Planificación), personal signature",
                        "APROBADO signed by Rosa Choque (Directora General Ejecutiva), service seal");
    }

    /** A system never makes a personal sign-off: not even a keystore configured under its own name is used. */
    @Test
    void aSystemAppliesOnlyTheServiceSeal() throws Exception {
        assertThat(keys.isPersonal("sistema-poa"))
                .as("the configuration that tempts it")
                .isTrue();
        DocumentId id = stored();
        StoredDocument sealed = service(true).signOff(id, Optional.empty(), SYSTEM);
        assertThat(sealed.signOffs())
                .extracting(s -> s.username() + " " + s.kind())
                .containsExactly("sistema-poa SEAL");
        assertThat(signingCertificates(registry.pdf(id))).containsExactly("CN=Sello");
        assertThat(registry.auditOf(id).get(registry.auditOf(id).size() - 1).detail())
                .isEqualTo("ELABORADO signed by sistema-poa (Sistema), service seal applied by a system");
        // separation of duties holds for systems too: the next step is someone else's
        assertThatThrownBy(() -> service(true).signOff(id, Optional.empty(), SYSTEM))
                .isInstanceOfSatisfying(
                        SignOffRefused.class,
                        r -> assertThat(r.reason()).isEqualTo(SignOffRefused.Reason.SEPARATION_OF_DUTIES));
    }

    /** {@code sello.signoff.separate-duties}: on unless set, off when set so, and anything else stops the start naming the key. */
    @Test
    void theSettingIsBoundAtStartUpAndABadValueStopsIt() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Properties.class);
        runner.run(
                context -> assertThat(context.getBean(SignOffProperties.class).separateDuties())
                        .isTrue());
        runner.withPropertyValues("sello.signoff.separate-duties=false")
                .run(context -> assertThat(
                                context.getBean(SignOffProperties.class).separateDuties())
                        .isFalse());
        runner.withPropertyValues("sello.signoff.separate-duties=maybe").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("sello.signoff.separate-duties");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SignOffProperties.class)
    static class Properties {}

    /** The subject's common name of each signature's certificate, in the order of the file's signatures. */
    private static List<String> signingCertificates(byte[] pdf) throws Exception {
        List<String> names = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                CMSSignedData cms = new CMSSignedData(signature.getContents());
                SignerInformation signer =
                        cms.getSignerInfos().getSigners().iterator().next();
                @SuppressWarnings("unchecked")
                X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates()
                        .getMatches(signer.getSID())
                        .iterator()
                        .next();
                names.add(certificate
                        .getSubject()
                        .getRDNs(BCStyle.CN)[0]
                        .getFirst()
                        .getValue()
                        .toString()
                        .transform(cn -> "CN=" + cn));
            }
        }
        return names;
    }
}
