package io.sello.amendment;

import io.sello.document.InputError;
import io.sello.document.ValidationReport;
import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AmendmentContractTest {
    /** The minimal example, compacted (no white space between tokens) so that edits are exact. */
    private static final String MINIMAL = JsonMapper.builder()
            .build()
            .readTree(Fixtures.read(AmendmentPdfTest.MINIMAL))
            .toString();

    private static ValidationReport validate(String json) {
        return Fixtures.amendment().validate(Fixtures.utf8(json));
    }

    @Test
    void theExamplesAreValid() {
        assertThat(validate(MINIMAL).valid()).isTrue();
        assertThat(Fixtures.amendment()
                        .validate(Fixtures.read(AmendmentPdfTest.SEED))
                        .errors())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown currency   | \"currency\":\"USD\"      | \"currency\":\"XAU\"         | /articles/0/paragraphs/0/1/money/currency | expected one of",
                "three decimals     | \"amount\":1000              | \"amount\":1000.001             | /articles/0/paragraphs/0/1/money/amount   | at most 2 decimal places",
                "negative amount    | \"amount\":1000              | \"amount\":-5                   | /articles/0/paragraphs/0/1/money/amount   | must not be negative but got -5",
                "run with both      | {\"money\":                  | {\"text\":\"x\",\"money\":   | /articles/0/paragraphs/0/1                | does not have any of the forms",
                "bad emphasis       | {\"money\":                  | {\"bold\":\"yes\",\"money\": | /articles/0/paragraphs/0/1/bold           | expected true or false",
                "article numbering  | \"number\":1                 | \"number\":2                    | /articles/0/number                        | expected article 1",
                "end before start   | \"validTo\":\"2025-12-31\" | \"validTo\":\"2023-12-31\"    | /project/validTo                          | must not be before validFrom",
                "impossible date    | \"date\":\"2025-02-03\"    | \"date\":\"2025-02-30\"       | /signing/date                             | expected a real date",
                "one party          | ,{\"name\":\"LA PARTE B\"} |                                  | /parties                                  | expected at least 2 items",
                "not Spanish        | \"copies\":2}                | \"copies\":2},\"locale\":\"fr-CH\" | /locale                             | (pattern ^es(-[A-Z]{2})?$)",
                "paragraph number   | [\"El aporte                  | [42,\"El aporte                 | /articles/0/paragraphs/0/0                | does not have any of the forms",
            })
    void namesTheFieldAndWhatWasExpected(String name, String from, String to, String pointer, String message) {
        String json = MINIMAL.replace(from.strip(), to == null ? "" : to.strip());
        assertThat(json).as("the fixture edit applies").isNotEqualTo(MINIMAL);
        assertThat(validate(json).errors()).anySatisfy(error -> {
            assertThat(error.pointer()).isEqualTo(pointer);
            assertThat(error.message()).contains(message);
        });
    }

    @Test
    void runsKeepTheirSpacesAndTextIsRepaired() {
        ValidationReport report =
                validate(MINIMAL.replace("\"name\":\"LA PARTE B\"", "\"name\":\"LA PARTE B DEL AÃ±O\""));
        assertThat(report.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.pointer()).isEqualTo("/parties/1/name"));
        assertThat(report.errors()).extracting(InputError::pointer).isEmpty();
    }
}
