package io.sello.rendering;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates never evaluate data as template code, and reach no resource outside their folder. */
class TemplateHygieneTest {
    private static final Pattern EVALUATING = Pattern.compile(
            "\\?(eval|eval_json|interpret|new|api)\\b|<#include|<#import(?!\\s+\"/budget/budget-table\\.ftl\"\\s+as\\s+budget>)");
    private static final Pattern EXTERNAL = Pattern.compile(
            "(?i)(href|src)\\s*=\\s*\"(?!data:)[a-z][a-z0-9+.-]*:|url\\(\\s*['\"]?(?!data:)[a-z][a-z0-9+.-]*:");

    @Test
    void freemarkerTemplatesUseNoEvaluatingBuiltIns() throws IOException {
        List<Path> templates = files(".ftl");
        assertThat(templates).isNotEmpty();
        for (Path template : templates) {
            assertThat(EVALUATING.matcher(Files.readString(template)).find())
                    .as(template.toString())
                    .isFalse();
        }
    }

    /** The one import allowed is the shared budget-table macro, by a literal path, so data never names a template. */
    @Test
    void theOnlyImportIsTheSharedBudgetMacro() throws IOException {
        assertThat(EVALUATING
                        .matcher("<#import \"/budget/budget-table.ftl\" as budget>")
                        .find())
                .isFalse();
        assertThat(EVALUATING.matcher("<#import name as budget>").find()).isTrue();
        assertThat(EVALUATING.matcher("<#include \"/budget/budget-table.ftl\">").find())
                .isTrue();
        assertThat(Path.of("report-templates/budget/budget-table.ftl")).exists();
    }

    @Test
    void templatesAndStylesheetsReferenceOnlyRelativeResources() throws IOException {
        for (Path file :
                Stream.concat(files(".ftl").stream(), files(".css").stream()).toList()) {
            assertThat(EXTERNAL.matcher(Files.readString(file)).find())
                    .as(file.toString())
                    .isFalse();
        }
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("report-templates"))) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
