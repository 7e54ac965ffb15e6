package example.transmittal;

import io.sello.DocumentTypesProperties;
import io.sello.Sello;
import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.InvalidInputException;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.TotalsMismatchException;
import io.sello.document.ValidationReport;
import io.sello.rendering.Engines;
import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The recipe of docs/architecture.md works: a type that lives only in this package and its resource folder is found,
 * listed, checked, computed, reconciled and rendered by the same pipeline as the bundled four, and nothing in the
 * service's own code names it.
 */
class TransmittalRecipeTest {
    private static final List<String> WITH_RECIPE = List.of("io.sello", "example.transmittal");

    private static DocumentTypes catalogue(List<String> packages) {
        return Sello.documentTypes(new Engines(Fixtures.renderer(), Fixtures.htmlRenderer()), packages);
    }

    private static DocumentType note() {
        return catalogue(WITH_RECIPE).find("transmittal-note").orElseThrow();
    }

    private static byte[] example(String from, String to) {
        return Fixtures.utf8(new String(note().example(), StandardCharsets.UTF_8).replace(from, to));
    }

    @Test
    void theCatalogueFindsTheTypeWhenItsPackageIsScannedAndListsItAfterTheBundledOnes() {
        List<String> bundled = catalogue(DocumentTypesProperties.DEFAULT_PACKAGES).all().stream()
                .map(t -> t.id().value())
                .toList();
        assertThat(bundled)
                .containsExactly("poa-execution-form", "agreement-amendment", "operational-plan", "budget-summary");
        assertThat(catalogue(WITH_RECIPE).all())
                .extracting(t -> t.id().value())
                .containsExactly(
                        "poa-execution-form",
                        "agreement-amendment",
                        "operational-plan",
                        "budget-summary",
                        "transmittal-note");
    }

    @Test
    void itsExampleIsValidAndRendersWithTheTotalTheServiceComputed() {
        DocumentType note = note();
        ValidationReport report = note.validate(note.example());
        assertThat(report.valid()).as("%s", report).isTrue();
        RenderedDocument rendered = note.render(note.example(), RenderOptions.STRICT);
        assertThat(rendered.fileName()).isEqualTo("nota-de-remision-NR-014-2024.pdf");
        PdfDocument pdf = PdfDocument.of(rendered.content());
        assertThat(pdf.pageCount()).isEqualTo(1);
        assertThat(pdf.text())
                .contains("NOTA DE REMISIÓN N.º NR-014/2024", "15/03/2024", "Plan Operativo 2024", "TOTAL 37");
        pdf.assertEveryFontEmbedded();
        assertThat(note.summary(note.example()).title()).isEqualTo("Nota de remisión NR-014/2024");
    }

    @Test
    void aWrongDeclaredTotalIsRefusedUnlessLenientByThePipelinesOneRule() {
        byte[] wrong = example("\"declaredPages\": 37", "\"declaredPages\": 36");
        assertThat(note().validate(wrong).errorMismatches())
                .extracting(m -> m.pointer())
                .containsExactly("/declaredPages");
        assertThatThrownBy(() -> note().render(wrong, RenderOptions.STRICT))
                .isInstanceOf(TotalsMismatchException.class);
        RenderedDocument lenient = note().render(wrong, RenderOptions.LENIENT);
        assertThat(lenient.warnings()).singleElement().satisfies(w -> {
            assertThat(w.pointer()).isEqualTo("/declaredPages");
            assertThat(w.code()).isEqualTo("total-mismatch");
            assertThat(w.message())
                    .isEqualTo("declared 36 but the figures add up to 37; the computed figure was printed");
        });
        assertThat(PdfDocument.of(lenient.content()).text()).contains("TOTAL 37");
    }

    @Test
    void badInputNamesTheFieldLikeEveryOtherType() {
        byte[] missing =
                example("\"subject\": \"Remisión del seguimiento de la ejecución financiera, marzo de 2024\",", "");
        assertThat(note().validate(missing).errors())
                .extracting(e -> e.pointer())
                .containsExactly("/subject");
        assertThatThrownBy(() -> note().render(missing, RenderOptions.STRICT))
                .isInstanceOf(InvalidInputException.class);
        byte[] unknown = example("\"declaredPages\": 37", "\"declaredPages\": 37, \"copies\": 2");
        assertThat(note().validate(unknown).errors())
                .extracting(e -> e.pointer())
                .containsExactly("/copies");
    }

    /** The proof that adding it touched nothing central: no file of the service itself knows the type. */
    @Test
    void nothingOutsideItsOwnFoldersNamesIt() throws IOException {
        for (Path root :
                List.of(Path.of("src/main"), Path.of("report-templates"), Path.of("examples"), Path.of("fonts"))) {
            try (Stream<Path> files = Files.walk(root)) {
                assertThat(files.filter(Files::isRegularFile)
                                .filter(TransmittalRecipeTest::mentionsTheType)
                                .toList())
                        .as("files under %s that name the recipe type", root)
                        .isEmpty();
            }
        }
    }

    private static boolean mentionsTheType(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return text.contains("transmittal") || text.contains("TransmittalNote");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
