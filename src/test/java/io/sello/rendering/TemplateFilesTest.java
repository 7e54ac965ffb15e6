package io.sello.rendering;

import io.sello.document.DocumentType;
import io.sello.document.RenderOptions;
import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A template version is a fingerprint of every file that can change the output (issue 18, point 3): each kind of
 * file, changed by one byte in a copy of the set, changes it; an unchanged copy does not.
 */
class TemplateFilesTest {
    private static final List<TemplateId> BUDGET = List.of(new TemplateId("budget-summary"));
    private static final List<String> BUDGET_SCHEMA = List.of("schemas/budget-summary.schema.json");
    private static final List<TemplateId> FORM = List.of(new TemplateId("poa-execution-form"));

    @Test
    void theSetIsEveryFileTheTemplatesReachAndTheFontsAndSchema() {
        TemplateFiles budget = TemplateFiles.discover(BUDGET, BUDGET_SCHEMA, TemplateSource.CLASSPATH);
        assertThat(budget.paths())
                .containsExactlyInAnyOrder(
                        "report-templates/budget-summary/budget-summary.xhtml.ftl",
                        "report-templates/budget-summary/budget-summary.css",
                        "report-templates/budget/budget-table.ftl",
                        "report-templates/budget/budget-table.css",
                        "sello/fonts/fonts.xml",
                        "sello/fonts/DejaVuSansCondensed.ttf",
                        "sello/fonts/DejaVuSansCondensed-Bold.ttf",
                        "sello/fonts/DejaVuSansCondensed-Oblique.ttf",
                        "sello/fonts/DejaVuSansCondensed-BoldOblique.ttf",
                        "schemas/budget-summary.schema.json");
        assertThat(TemplateFiles.discover(FORM, List.of(), TemplateSource.CLASSPATH)
                        .paths())
                .contains(
                        "report-templates/poa-execution-form/poa-execution-form.jrxml",
                        "sello/fonts/DejaVuSansCondensed.ttf")
                .noneMatch(path -> path.endsWith(".ftl"));
    }

    @Test
    void anAmendmentsVersionCoversItsAnnexTemplate() {
        assertThat(Fixtures.amendment()
                        .templateFiles(TemplateSource.CLASSPATH)
                        .orElseThrow()
                        .paths())
                .contains(
                        "report-templates/agreement-amendment/agreement-amendment.css",
                        "report-templates/operational-plan/operational-plan.xhtml.ftl",
                        "report-templates/budget/budget-table.ftl");
        assertThat(Fixtures.amendment().templateVersion())
                .isEqualTo("agreement-amendment@"
                        + Fixtures.amendment()
                                .templateFiles(TemplateSource.CLASSPATH)
                                .orElseThrow()
                                .fingerprint());
    }

    @Test
    void oneByteChangedInAnyKindOfFileChangesTheVersion() {
        String budget = fingerprint(BUDGET, BUDGET_SCHEMA, null);
        String form = fingerprint(FORM, List.of(), null);
        assertThat(fingerprint(BUDGET, BUDGET_SCHEMA, "none"))
                .as("an unchanged copy")
                .isEqualTo(budget);
        for (String changed : List.of(
                "report-templates/budget-summary/budget-summary.xhtml.ftl",
                "report-templates/budget-summary/budget-summary.css",
                "report-templates/budget/budget-table.ftl",
                "report-templates/budget/budget-table.css",
                "sello/fonts/DejaVuSansCondensed-Bold.ttf",
                "sello/fonts/fonts.xml",
                "schemas/budget-summary.schema.json")) {
            assertThat(fingerprint(BUDGET, BUDGET_SCHEMA, changed)).as(changed).isNotEqualTo(budget);
        }
        assertThat(fingerprint(FORM, List.of(), "report-templates/poa-execution-form/poa-execution-form.jrxml"))
                .isNotEqualTo(form);
        assertThat(fingerprint(FORM, List.of(), "sello/fonts/DejaVuSansCondensed.ttf"))
                .isNotEqualTo(form);
    }

    @Test
    void aNewlyLinkedFileJoinsTheSet() {
        Map<String, byte[]> files = copy(BUDGET, BUDGET_SCHEMA);
        String css = "report-templates/budget-summary/budget-summary.css";
        files.put(
                css,
                ("@import \"extra.css\";\n" + new String(files.get(css), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        files.put("report-templates/budget-summary/extra.css", "p { color: red }".getBytes(StandardCharsets.UTF_8));
        assertThat(TemplateFiles.discover(BUDGET, BUDGET_SCHEMA, path -> Optional.ofNullable(files.get(path)))
                        .paths())
                .contains("report-templates/budget-summary/extra.css");
    }

    @Test
    void aReferenceOutOfTheTemplatesOrToAMissingFileFailsAtStartUp() {
        Map<String, byte[]> files = copy(BUDGET, BUDGET_SCHEMA);
        String main = "report-templates/budget-summary/budget-summary.xhtml.ftl";
        files.put(main, "<link rel=\"stylesheet\" href=\"../../../etc/passwd\"/>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() ->
                        TemplateFiles.discover(BUDGET, BUDGET_SCHEMA, path -> Optional.ofNullable(files.get(path))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside the templates");
        files.put(main, "<#import \"/budget/gone.ftl\" as b>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() ->
                        TemplateFiles.discover(BUDGET, BUDGET_SCHEMA, path -> Optional.ofNullable(files.get(path))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("report-templates/budget/gone.ftl");
    }

    @Test
    void aSetReadBackFingerprintsAsTheOneKept() {
        TemplateFiles found = TemplateFiles.discover(BUDGET, BUDGET_SCHEMA, TemplateSource.CLASSPATH);
        Map<String, byte[]> stored = new HashMap<>();
        found.paths().forEach(path -> stored.put(path, found.bytesOf(path)));
        assertThat(TemplateFiles.of(stored).fingerprint()).isEqualTo(found.fingerprint());
    }

    /**
     * The JasperReports engine reads a kept version's JRXML, not today's: a set whose JRXML differs is compiled from its
     * own bytes (never from a path), and the form's heading prints as that version had it. Outside the set, today's.
     */
    @Test
    void theJasperEngineRendersAKeptJrxmlFromItsBytes() {
        DocumentType form = Fixtures.poaForm();
        TemplateFiles today = form.templateFiles(TemplateSource.CLASSPATH).orElseThrow();
        String jrxml = "report-templates/poa-execution-form/poa-execution-form.jrxml";
        Map<String, byte[]> files = new HashMap<>();
        today.paths().forEach(path -> files.put(path, today.read(path).orElseThrow()));
        files.put(
                jrxml,
                new String(files.get(jrxml), StandardCharsets.UTF_8)
                        .replace("<![CDATA[Gestión del POA]]>", "<![CDATA[GESTIÓN DEL POA]]>")
                        .getBytes(StandardCharsets.UTF_8));
        TemplateFiles kept = TemplateFiles.of(files);
        assertThat(kept.fingerprint()).isNotEqualTo(today.fingerprint());
        byte[] seed = Fixtures.seedExample();
        String keptText = PdfDocument.of(TemplateFiles.rendering(kept, () -> form.render(seed, RenderOptions.LENIENT))
                        .content())
                .flowingText(true);
        assertThat(keptText).contains("GESTIÓNDELPOA").doesNotContain("GestióndelPOA");
        assertThat(PdfDocument.of(form.render(seed, RenderOptions.LENIENT).content())
                        .flowingText(true))
                .contains("GestióndelPOA")
                .doesNotContain("GESTIÓNDELPOA");
        assertThat(PdfDocument.of(TemplateFiles.rendering(today, () -> form.render(seed, RenderOptions.LENIENT))
                                .content())
                        .flowingText(true))
                .doesNotContain("GESTIÓNDELPOA");
    }

    /** The fingerprint of a copy of the bundled set, with the last byte of {@code changed} flipped. */
    private static String fingerprint(List<TemplateId> templates, List<String> others, String changed) {
        if (changed == null) {
            return TemplateFiles.discover(templates, others, TemplateSource.CLASSPATH)
                    .fingerprint();
        }
        Map<String, byte[]> files = copy(templates, others);
        if (files.containsKey(changed)) {
            byte[] bytes = files.get(changed);
            bytes[bytes.length - 1] ^= 0x01; // CSS, templates and JSON end in a newline: it becomes a control character
        } else {
            assertThat(changed).isEqualTo("none");
        }
        return TemplateFiles.discover(
                        templates,
                        others,
                        path -> Optional.ofNullable(files.get(path)).map(byte[]::clone))
                .fingerprint();
    }

    private static Map<String, byte[]> copy(List<TemplateId> templates, List<String> others) {
        TemplateFiles bundled = TemplateFiles.discover(templates, others, TemplateSource.CLASSPATH);
        Map<String, byte[]> files = new HashMap<>();
        bundled.paths().forEach(path -> files.put(path, bundled.read(path).orElseThrow()));
        // the templates reach nothing beyond the set: a copy of the set is enough for discovery
        return files;
    }
}
