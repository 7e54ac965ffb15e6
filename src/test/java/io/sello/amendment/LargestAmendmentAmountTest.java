package io.sello.amendment;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sello.document.DocumentType;
import io.sello.document.InputError;
import io.sello.document.RenderOptions;
import io.sello.document.UnprintableFigureException;
import io.sello.support.Fixtures;
import io.sello.support.PdfRuns;
import io.sello.support.PdfRuns.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, point 0, for the amendment: money in its paragraphs (figures and words) at the largest amount
 * the contract accepts prints whole inside the text area; one centavo more is refused by schema and reader;
 * and the annex's budget tables (A4 portrait, as operational-plan), filled with the largest accepted amount,
 * print every figure whole and clear or are refused naming the cells.
 */
class LargestAmendmentAmountTest {
    private static final Path MINIMAL = Path.of("examples/agreement-amendment/minimal.json");
    private static final Path SEED = Path.of("examples/agreement-amendment/pcc-peru-2008.json");
    private static final Path PLAN = Path.of("examples/operational-plan/pcc-plan-operativo-2008.json");
    private static final String MAX = "999999999999999";
    private static final Pattern FIGURE = Pattern.compile("\\(?\\d[\\d,.']*\\)?");
    /** A4 with 25 mm side margins (agreement-amendment.css). */
    private static final float TEXT_LEFT = 25 * 72 / 25.4f;

    private static final float TEXT_RIGHT = (210 - 25) * 72 / 25.4f;

    private static String minimalWith(String amount) {
        return new String(Fixtures.read(MINIMAL), StandardCharsets.UTF_8)
                .replace("\"amount\": 1000,", "\"amount\": " + amount + ",");
    }

    @Test
    void theLargestMoneyAmountPrintsWholeInFiguresAndWordsInsideTheTextArea() {
        String json = minimalWith("\"" + MAX + ".99\"");
        List<Run> runs = PdfRuns.of(Fixtures.amendment()
                .render(Fixtures.utf8(json), RenderOptions.STRICT)
                .content());
        assertThat(runs).extracting(Run::text).contains("999,999,999,999,999.99", "novecientos", "99/100");
        for (Run run : runs) {
            if (run.y() < 760) { // the page footer is outside the text area by design
                assertThat(run.left()).as("%s inside the text area", run).isGreaterThanOrEqualTo(TEXT_LEFT - 0.5f);
                assertThat(run.right()).as("%s inside the text area", run).isLessThanOrEqualTo(TEXT_RIGHT + 0.5f);
            }
        }
        assertThat(PdfRuns.overlaps(runs)).isEmpty();
    }

    @Test
    void oneCentavoMoreIsRefusedByTheSchemaAndTheReader() {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Fixtures.amendment().jsonSchema(), InputFormat.JSON);
        for (String largest : List.of("\"" + MAX + ".99\"", MAX + ".99")) {
            assertThat(schema.validate(minimalWith(largest), InputFormat.JSON))
                    .as(largest)
                    .isEmpty();
            assertThat(Fixtures.amendment()
                            .validate(Fixtures.utf8(minimalWith(largest)))
                            .errors())
                    .as(largest)
                    .isEmpty();
        }
        for (String over : List.of("\"1000000000000000.00\"", "1000000000000000.00", "1e15")) {
            assertThat(schema.validate(minimalWith(over), InputFormat.JSON))
                    .as(over)
                    .isNotEmpty();
            assertThat(Fixtures.amendment()
                            .validate(Fixtures.utf8(minimalWith(over)))
                            .errors())
                    .extracting(InputError::pointer)
                    .as(over)
                    .containsExactly("/articles/0/paragraphs/0/1/money/amount");
        }
    }

    /** Every input figure of every budget table under {@code node} set to the largest amount, negative on odd rows. */
    static void fillWithTheLargestAmount(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("values") instanceof ObjectNode values && object.has("label")) {
                boolean negative = object.get("label").stringValue().length() % 2 == 1;
                for (String key : new ArrayList<>(values.propertyNames())) {
                    JsonNode value = values.get(key);
                    if (value.isNumber() || value.stringValue().matches("-?\\d.*")) {
                        values.put(key, (negative ? "-" : "") + MAX);
                    }
                }
                object.remove("declared");
            }
        }
        for (JsonNode child : node) {
            fillWithTheLargestAmount(child);
        }
    }

    private static void assertPrintsWholeOrIsRefused(DocumentType type, JsonNode request, String pointerPrefix) {
        try {
            List<Run> runs = PdfRuns.of(type.render(Fixtures.utf8(request.toString()), RenderOptions.LENIENT)
                    .content());
            List<String> overlaps = new ArrayList<>();
            for (Run figure : runs) {
                if (FIGURE.matcher(figure.text()).matches()) {
                    assertThat(figure.fontSize()).as("%s is legible", figure).isGreaterThanOrEqualTo(4.99f);
                    runs.stream()
                            .filter(other -> other != figure && figure.overlaps(other))
                            .forEach(other -> overlaps.add(figure + " overlaps " + other));
                }
            }
            assertThat(overlaps).isEmpty();
            assertThat(runs).extracting(Run::text).contains("999,999,999,999,999");
        } catch (UnprintableFigureException refused) {
            assertThat(refused.errors())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.pointer())
                            .startsWith(pointerPrefix)
                            .matches(".*/rows/\\d+/(values|declared)/[a-z0-9_]+"));
        }
    }

    @Test
    void theAnnexBudgetTablesWithTheLargestAmountPrintWholeOrAreRefusedNamingTheCell() {
        JsonNode request = JsonMapper.builder().build().readTree(Fixtures.read(SEED));
        fillWithTheLargestAmount(request.get("annex"));
        assertPrintsWholeOrIsRefused(Fixtures.amendment(), request, "/annex/");
    }

    @Test
    void thePlanBudgetTablesWithTheLargestAmountPrintWholeOrAreRefusedNamingTheCell() {
        JsonNode request = JsonMapper.builder().build().readTree(Fixtures.read(PLAN));
        fillWithTheLargestAmount(request);
        assertPrintsWholeOrIsRefused(Fixtures.plan(), request, "/");
    }

    @Test
    void aNarrowPlanBudgetTableStillPrintsNineDigitAmountsWhole() {
        // 123,456,789 in every input of every annex table: the nine digits fit every column of the annex.
        JsonNode request = JsonMapper.builder().build().readTree(Fixtures.read(PLAN));
        replaceInputs(request, "123456789");
        List<Run> runs = PdfRuns.of(Fixtures.plan()
                .render(Fixtures.utf8(request.toString()), RenderOptions.LENIENT)
                .content());
        assertThat(runs).extracting(Run::text).contains("123,456,789");
        for (Run figure : runs) {
            if (FIGURE.matcher(figure.text()).matches()) {
                assertThat(runs.stream()
                                .filter(o -> o != figure && figure.overlaps(o))
                                .toList())
                        .as(figure.toString())
                        .isEmpty();
            }
        }
    }

    private static void replaceInputs(JsonNode node, String amount) {
        if (node instanceof ObjectNode object
                && object.get("values") instanceof ObjectNode values
                && object.has("label")) {
            for (String key : new ArrayList<>(values.propertyNames())) {
                JsonNode value = values.get(key);
                if (value.isNumber() || value.stringValue().matches("-?\\d.*")) {
                    values.put(key, amount);
                }
            }
            object.remove("declared");
        }
        for (JsonNode child : node) {
            replaceInputs(child, amount);
        }
    }
}
