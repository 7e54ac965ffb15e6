package io.sello.budget;

import io.sello.document.DocumentType;
import io.sello.document.InvalidInputException;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import io.sello.support.PdfRuns;
import io.sello.support.PdfRuns.Run;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The optional signature block of a budget summary (Formulario N.5.B's RESPONSABLES DE LA INFORMACION): printed
 * only when the request names signatories, and its three FIRMA cells reported as signature slots where they are
 * printed, so that the registry's sign-off stamps each visible signature into its cell.
 */
class BudgetSignatureBlockTest {
    private static final Path SUMMARY = Path.of("examples/budget-summary/resumen-subproyectos.json");
    private static final String SIGNATORIES = """
            "signatories": [
              {"role": "REVISADO", "name": "Luis Quispe Mamani", "position": "Jefe de Presupuesto"},
              {"role": "ELABORADO", "name": "Ana Pérez Rojas", "position": "Responsable de Planificación"},
              {"role": "APROBADO", "name": "Rosa Condori Vargas", "position": "Directora General"}
            ]""";

    private static DocumentType type() {
        return Fixtures.types().find("budget-summary").orElseThrow();
    }

    private static byte[] withSignatories(String signatories) throws IOException {
        String json = Files.readString(SUMMARY).strip();
        return (json.substring(0, json.length() - 1) + ", " + signatories + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachFirmaCellIsASlotAroundWhereItIsPrinted() throws IOException {
        RenderedDocument rendered = type().render(withSignatories(SIGNATORIES), RenderOptions.LENIENT);
        Files.write(Path.of("target/budget-signature-block.pdf"), rendered.content()); // to look at
        assertSlotsAreTheFirmaCells(rendered, new String[][] {
            {"ELABORADO", "Elaborado", "Planificación"},
            {"REVISADO", "Revisado", "Presupuesto"},
            {"APROBADO", "Aprobado", "General"}
        });
        String text = PdfDocument.of(rendered.content()).text();
        assertThat(text)
                .contains(
                        "RESPONSABLES DE LA INFORMACION",
                        "NOMBRE",
                        "Elaborado por:",
                        "Revisado por:",
                        "Aprobado por:",
                        "Ana Pérez Rojas",
                        "Luis Quispe Mamani",
                        "Rosa Condori Vargas");
    }

    /** Anexo 1 fills its first page: the block goes whole to the second, and so do the slots (pages from 1). */
    @Test
    void aBlockThatDoesNotFitMovesWholeToTheNextPageWithItsSlots() throws IOException {
        RenderedDocument rendered = type().render(
                        Files.readAllBytes(Path.of("examples/budget-summary/anexo-1-bienes-y-servicios.json")),
                        RenderOptions.LENIENT);
        assertThat(PdfDocument.of(rendered.content()).pageCount()).isEqualTo(2);
        assertSlotsAreTheFirmaCells(rendered, new String[][] {
            {"ELABORADO", "Elaborado", "Técnico"},
            {"REVISADO", "Revisado", "Unidad"},
            {"APROBADO", "Aprobado", "Ejecutiva"}
        });
    }

    /** @param rows per step: its name, a word of its label and a word of its CARGO, each printed once on the page */
    private static void assertSlotsAreTheFirmaCells(RenderedDocument rendered, String[][] rows) throws IOException {
        List<SignatureSlot> slots = rendered.signatureSlots();
        assertThat(slots).extracting(SignatureSlot::step).containsExactly("ELABORADO", "REVISADO", "APROBADO");
        PdfDocument pdf = PdfDocument.of(rendered.content());
        int last = pdf.pageCount();
        assertThat(slots).allSatisfy(s -> assertThat(s.page()).isEqualTo(last));
        float pageHeight;
        try (PDDocument document = Loader.loadPDF(rendered.content())) {
            pageHeight = document.getPage(last - 1).getMediaBox().getHeight();
        }
        List<Run> runs = PdfRuns.of(rendered.content()).stream()
                .filter(r -> r.page() == last)
                .toList();
        Run firma = run(runs, "FIRMA");
        Run cargo = run(runs, "CARGO");
        float previousTop = 0;
        for (String[] row : rows) {
            SignatureSlot slot = slots.stream()
                    .filter(s -> s.step().equals(row[0]))
                    .findFirst()
                    .orElseThrow();
            // Slot in PDF user space (origin bottom left); runs measure y from the page top.
            float top = pageHeight - (slot.y() + slot.height());
            float bottom = pageHeight - slot.y();
            assertThat(slot.width()).as(row[0] + " width").isBetween(190f, 215f);
            assertThat(slot.height()).as(row[0] + " height").isBetween(25f, 40f);
            // The column under the FIRMA heading, right of the CARGO column's text, below the heading.
            assertThat(slot.x()).as(row[0] + " left").isLessThan(firma.left()).isGreaterThan(cargo.right());
            assertThat(slot.x() + slot.width()).as(row[0] + " right").isGreaterThan(firma.right());
            assertThat(top).as(row[0] + " top").isGreaterThan(firma.bottom()).isGreaterThanOrEqualTo(previousTop);
            // The same row as its label and its CARGO: their baselines are inside the slot's height.
            Run label = run(runs, row[1]);
            Run position = run(runs, row[2]);
            assertThat(label.y()).as(row[1]).isBetween(top, bottom);
            assertThat(position.y()).as(row[2]).isBetween(top, bottom);
            assertThat(position.right()).as(row[2]).isLessThan(slot.x());
            // Nothing is printed inside the cell: it is left for the signature.
            assertThat(runs)
                    .as(row[0] + " cell is empty")
                    .noneMatch(r -> r.left() < slot.x() + slot.width()
                            && r.right() > slot.x()
                            && r.y() > top
                            && r.top() < bottom);
            previousTop = bottom - 1;
        }
    }

    @Test
    void rolesNotGivenPrintBlankAndStillHaveTheirSlot() throws IOException {
        RenderedDocument rendered = type().render(withSignatories("""
                "signatories": [{"role": "ELABORADO", "name": "Ana Pérez Rojas"}]"""), RenderOptions.LENIENT);
        assertThat(rendered.signatureSlots())
                .extracting(SignatureSlot::step)
                .containsExactly("ELABORADO", "REVISADO", "APROBADO");
        assertThat(PdfDocument.of(rendered.content()).text())
                .contains("Revisado por:", "Aprobado por:", "Ana Pérez Rojas");
    }

    @Test
    void withoutSignatoriesThereIsNoBlockAndNoSlot() throws IOException {
        RenderedDocument rendered = type().render(Files.readAllBytes(SUMMARY), RenderOptions.LENIENT);
        assertThat(rendered.signatureSlots()).isEmpty();
        assertThat(PdfDocument.of(rendered.content()).text()).doesNotContain("RESPONSABLES", "FIRMA");
    }

    @Test
    void aRoleIsGivenOnce() {
        assertThatThrownBy(() -> type().render(withSignatories("""
                "signatories": [{"role": "ELABORADO"}, {"role": "ELABORADO"}]"""), RenderOptions.LENIENT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than once");
    }

    private static Run run(List<Run> runs, String text) {
        List<Run> found = runs.stream().filter(r -> r.text().contains(text)).toList();
        assertThat(found).as("runs with " + text).hasSize(1);
        return found.get(0);
    }
}
