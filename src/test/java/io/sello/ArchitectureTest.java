package io.sello;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.core.ApplicationModules;

import java.util.Arrays;
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
