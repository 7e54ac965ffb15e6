package io.sello;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.core.ApplicationModules;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Package by feature: only the engine adapters may touch engine classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sello");

    /**
     * The packages of the catalogued document types, from the catalogue itself (issue 18, point 2): a new type is held
     * to these rules without an edit here.
     */
    private static final String[] TYPE_PACKAGES = Fixtures.types().all().stream()
            .map(type -> type.getClass().getPackageName() + "..")
            .distinct()
            .toArray(String[]::new);

    /** The type packages and these others. */
    private static String[] typePackagesAnd(String... others) {
        return Stream.concat(Arrays.stream(TYPE_PACKAGES), Arrays.stream(others))
                .toArray(String[]::new);
    }

    @Test
    /** A rule over no packages would pass whatever the code did: the catalogue must give the type packages. */
    void theTypePackagesComeFromTheCatalogue() {
        assertThat(TYPE_PACKAGES)
                .hasSize(Fixtures.types().all().size())
                .contains("io.sello.form..", "io.sello.budget..");
    }

    /**
     * Module boundaries (issue 18, point 4), by Spring Modulith: each package under io.sello is a module; modules,
     * the application package included, depend on each other one way only, and none reaches into another's
     * sub-packages (the engine adapters in rendering.html and rendering.jasper are rendering's internals). It replaces
     * the ArchUnit rule that slices io.sello.(*).. be free of cycles, which it covers and which left out the
     * application package (the CLI and SelloApplication used each other).
     */
    @Test
    void modulesHaveNoCyclesAndKeepTheirInternals() {
        ApplicationModules.of(SelloApplication.class).verify();
    }

    /** Each module wires itself (issue 18, point 4): its @Configuration is its own, and no other package names it. */
    @Test
    void configurationsAreTheirModulesOwn() {
        classes()
                .that()
                .areAnnotatedWith(Configuration.class)
                .should()
                .notBePublic()
                .because("a module's beans are wired by its own package-private @Configuration")
                .check(CLASSES);
    }

    /**
     * The public top-level types that no other main package uses, each with why it stays public (issue 18, point 4).
     * Anything else public that only its own package uses fails {@link #publicTypesAreUsedOutsideTheirPackage}.
     */
    private static final Map<String, String> PUBLIC_FOR_OUTSIDERS = Map.of(
            "io.sello.SelloApplication",
            "the entry point: Spring Boot's launcher calls its main; a type outside io.sello starts the service with it",
            "io.sello.Sello",
            "builds the catalogue for code outside io.sello (a deployment's own types, example.transmittal, benchmarks)",
            "io.sello.DocumentTypesProperties",
            "its DEFAULT_PACKAGES, for a deployment that adds its own type packages (example.transmittal)",
            "io.sello.batch.BatchWorker",
            "JobRunr invokes its @Job methods by reflection from its own package: package-private, every job failed",
            "io.sello.signing.PadesLevel",
            "test code only: bench.LevelTiming signs at each level (to move with it into io.sello.signing)",
            "io.sello.signing.TrustProperties",
            "test code only: support.TestPki and bench.LevelTiming build trust settings",
            "io.sello.signing.TrustValidator",
            "test code only: support.TestPki#offlineTrust, bench timings; its Chain is in the public SignatureCheck");

    /**
     * Keep types package-private unless another package needs them (issue 18, point 4, as spring-modulith advises): a
     * public top-level type must be used by a main class of another package (through it or a type nested in it), or be
     * on {@link #PUBLIC_FOR_OUTSIDERS} with its reason.
     */
    @Test
    void publicTypesAreUsedOutsideTheirPackage() {
        classes()
                .that()
                .arePublic()
                .and()
                .areTopLevelClasses()
                .and(DescribedPredicate.describe(
                        "are not on the list of public types kept for outsiders",
                        (JavaClass type) -> !PUBLIC_FOR_OUTSIDERS.containsKey(type.getName())))
                .should(beUsedOutsideTheirPackage())
                .check(CLASSES);
    }

    /** The list names only public types that still need it: one used from another package, or made package-private, leaves it. */
    @Test
    void theListOfPublicTypesForOutsidersIsCurrent() {
        for (Map.Entry<String, String> entry : PUBLIC_FOR_OUTSIDERS.entrySet()) {
            JavaClass type = CLASSES.get(entry.getKey());
            assertThat(type.getModifiers()).as(entry.getKey()).contains(JavaModifier.PUBLIC);
            assertThat(packagesUsing(type)).as(entry.getKey()).isEmpty();
            assertThat(entry.getValue()).isNotBlank();
        }
    }

    private static ArchCondition<JavaClass> beUsedOutsideTheirPackage() {
        return new ArchCondition<>("be used by a class of another package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Set<String> users = packagesUsing(type);
                events.add(new SimpleConditionEvent(
                        type,
                        !users.isEmpty(),
                        type.getName()
                                + (users.isEmpty()
                                        ? " is public but only its own package uses it: make it package-private"
                                        : " is used by " + users)));
            }
        };
    }

    /** The other main packages whose classes use the type or a type nested in it. */
    private static Set<String> packagesUsing(JavaClass type) {
        Set<String> packages = new TreeSet<>();
        for (JavaClass member : CLASSES) {
            if (member.equals(type) || member.getName().startsWith(type.getName() + "$")) {
                member.getDirectDependenciesToSelf().stream()
                        .map(dependency -> dependency.getOriginClass().getPackageName())
                        .filter(origin -> !origin.equals(type.getPackageName()))
                        .forEach(packages::add);
            }
        }
        return packages;
    }

    @Test
    void onlyTheJasperAdapterUsesJasperReports() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.sello.rendering.jasper..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("net.sf.jasperreports..")
                .check(CLASSES);
    }

    @Test
    void onlyTheHtmlAdapterUsesFreeMarkerAndFlyingSaucer() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.sello.rendering.html..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("freemarker..", "org.xhtmlrenderer..")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotReachIntoEngineAdapters() {
        noClasses()
                .that()
                .resideInAnyPackage(typePackagesAnd("io.sello.document..", "io.sello.web..", "io.sello.cli.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.sello.rendering.jasper..", "io.sello.rendering.html..", "com.lowagie..", "org.openpdf..")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotDependOnTheWebLayer() {
        noClasses()
                .that()
                .resideInAnyPackage(typePackagesAnd("io.sello.document..", "io.sello.rendering..", "io.sello.input.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.sello.web..", "org.springframework.web..")
                .check(CLASSES);
    }

    /**
     * The renderers, the signer and the reader of a PDF's embedded data (pdfdata, issue 17) share one OpenPDF; nothing
     * else touches PDF internals or cryptography.
     */
    @Test
    void onlyTheEnginesAndTheSignerTouchOpenPdfAndBouncyCastle() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.sello.rendering..", "io.sello.signing..", "io.sello.pdfdata..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.lowagie..", "org.bouncycastle..")
                .check(CLASSES);
    }

    @Test
    void persistenceStaysInStorage() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.sello.storage..", "io.sello")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "org.flywaydb..")
                .check(CLASSES);
    }

    /** POI reads untrusted files: only the budget workbook writer and the spreadsheet feature (its limits set there) use it. */
    @Test
    void onlyTheWorkbookWriterAndTheSpreadsheetFeatureUseApachePoi() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("io.sello.budget.BudgetWorkbook")
                .and()
                .resideOutsideOfPackage("io.sello.spreadsheet..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.poi..")
                .check(CLASSES);
    }

    /** Every budget table goes through the one engine: the plan reads and lays them out with the budget package. */
    @Test
    void budgetsHaveOneImplementation() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.sello.budget..")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Calculator")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.sello.budget.Reconciliation")
                .check(CLASSES);
    }
}
