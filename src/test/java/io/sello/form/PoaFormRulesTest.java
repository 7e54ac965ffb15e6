package io.sello.form;

import io.sello.document.InputError;
import io.sello.document.InputFindings;
import io.sello.document.InvalidInputException;
import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static io.sello.support.Fixtures.smallForm;
import static io.sello.support.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bad Formulario N.5.B request is refused with the JSON pointer of each fault and what was expected: by the
 * published schema where it can say so, by {@link PoaFormRules} for what it cannot (real dates, dates in order,
 * repeated expense groups and roles).
 */
class PoaFormRulesTest {

    private List<InputError> errorsOf(String json) {
        InputFindings findings = new InputFindings();
        PoaExecutionForm form = Forms.read(utf8(json), findings);
        assertThat(form).as("a request with errors yields no form").isNull();
        return findings.errors();
    }

    @Test
    void readsAValidFormWithMoneyAsNumbersAndStrings() {
        InputFindings findings = new InputFindings();
        PoaExecutionForm form = Forms.read(utf8(smallForm()), findings);
        assertThat(findings.errors()).isEmpty();
        assertThat(form.activities()).hasSize(2);
        BudgetLine first = form.activities().get(0).budgetLines().get(0);
        assertThat(first.programmed().tgn()).isEqualTo(new BigDecimal("1000.50"));
        assertThat(first.programmed().otherSources()).isEqualTo(new BigDecimal("200.00"));
        assertThat(first.executed().tgn()).isEqualTo(new BigDecimal("300.25"));
        assertThat(form.activities().get(1).budgetLines()).isEmpty();
        assertThat(form.signatory(SignatoryRole.APROBADO).name()).isEqualTo("Rosa Choque");
        assertThat(form.header().organizationalArea()).isEqualTo("UNIDAD DE PLANIFICACIÓN");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown field          | \"cutOffDate\": \"2024-03-31\",                 | \"cutOffDate\": \"2024-03-31\", \"colour\": \"red\", | /header/colour           | unknown field",
                "wrong type             | \"fiscalYear\": 2024                            | \"fiscalYear\": \"2024\"                               | /header/fiscalYear       | expected a whole number",
                "impossible date        | \"cutOffDate\": \"2024-03-31\"                  | \"cutOffDate\": \"2024-02-30\"                         | /header/cutOffDate       | expected a real date",
                "end before start       | \"endDate\": \"2024-02-29\"                     | \"endDate\": \"2024-01-31\"                            | /activities/1/endDate    | must not be before startDate",
                "negative amount        | \"executed\": {\"tgn\": \"300.25\"              | \"executed\": {\"tgn\": \"-300.25\"                    | /activities/0/budgetLines/0/executed/tgn | must not be negative but got -300.25",
                "three decimals         | \"tgn\": 1000.50                                | \"tgn\": 1000.505                                      | /activities/0/budgetLines/0/programmed/tgn | expected at most 2 decimal places but got 1000.505",
                "amount as words        | \"otherSources\": \"200\"                       | \"otherSources\": \"doscientos\"                       | /activities/0/budgetLines/0/programmed/otherSources | expected an amount as a number or a decimal string such as \"1237022.00\" but got the string \"doscientos\"",
                "bad expense group      | \"expenseGroup\": \"30000\"                     | \"expenseGroup\": \"35000\"                            | /activities/0/budgetLines/1/expenseGroup | expected an expense group: 10000, 20000 … or 90000 but got the string \"35000\"",
                "repeated expense group | \"expenseGroup\": \"30000\"                     | \"expenseGroup\": \"20000\"                            | /activities/0/budgetLines/1/expenseGroup | already appears at /activities/0/budgetLines/0",
                "bad activity code      | \"code\": \"01.01.02.\"                         | \"code\": \"uno\"                                      | /activities/1/code       | expected an activity code",
                "missing field          | \"specificActivity\": \"Seguimiento sin presupuesto\", |                                                 | /activities/1/specificActivity | is required",
                "blank text             | \"acronym\": \"UPL\"                            | \"acronym\": \"  \"                                    | /header/acronym          | must not be blank",
                "unknown role           | \"role\": \"REVISADO\"                          | \"role\": \"VISTO\"                                    | /signatories/1/role      | expected one of [ELABORADO, REVISADO, APROBADO]",
                "repeated role          | \"role\": \"REVISADO\"                          | \"role\": \"ELABORADO\"                                | /signatories/1/role      | given more than once",
                "huge exponent          | \"tgn\": 1000.50                                | \"tgn\": 1e1000000000                                  | /activities/0/budgetLines/0/programmed/tgn | must be at most 999999999999.99",
            })
    void namesTheFieldAndWhatWasExpected(String name, String from, String to, String pointer, String message) {
        String json = smallForm().replace(from.strip(), to == null ? "" : to.strip());
        assertThat(json).as("the fixture edit applies").isNotEqualTo(smallForm());
        assertThat(errorsOf(json)).anySatisfy(error -> {
            assertThat(error.pointer()).isEqualTo(pointer);
            assertThat(error.message()).contains(message);
        });
    }

    @Test
    void listsEveryErrorNotJustTheFirst() {
        String json = smallForm()
                .replace("\"fiscalYear\": 2024", "\"fiscalYear\": 1066")
                .replace("\"endDate\": \"2024-02-29\"", "\"endDate\": \"2024-13-01\"")
                .replace("\"tgn\": \"300.25\"", "\"tgn\": true");
        assertThat(errorsOf(json))
                .extracting(InputError::pointer)
                .containsExactlyInAnyOrder(
                        "/header/fiscalYear", "/activities/1/endDate", "/activities/0/budgetLines/0/executed/tgn");
    }

    @Test
    void refusesMalformedJsonDuplicateKeysAndTrailingTokens() {
        assertThatThrownBy(() -> Forms.read(utf8("{\"header\": "), new InputFindings()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> Forms.read(utf8("{\"header\": {}, \"header\": {}}"), new InputFindings()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> Forms.read(utf8(smallForm() + " {}"), new InputFindings()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> Forms.read(new byte[0], new InputFindings()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty");
        assertThat(errorsOf("[1, 2]")).extracting(InputError::pointer).containsExactly("/");
    }

    @Test
    void emptyActivityListIsAnError() {
        String json = smallForm().replaceAll("(?s)\"activities\": \\[.*?\\n  \\],", "\"activities\": [],");
        assertThat(errorsOf(json)).extracting(InputError::pointer).contains("/activities");
        assertThat(errorsOf(json.replace("\"acronym\": \"UPL\"", "\"acronym\": 1")))
                .as("reported alongside other errors")
                .extracting(InputError::pointer)
                .containsExactlyInAnyOrder("/activities", "/header/acronym");
    }

    @Test
    void repairsMisEncodedTextAndWarnsAtTheField() {
        InputFindings findings = new InputFindings();
        PoaExecutionForm form =
                Forms.read(utf8(smallForm().replace("Nro. de talleres", "Nro. de talleres por AÃ±o")), findings);
        assertThat(form.activities().get(0).indicator().description()).isEqualTo("Nro. de talleres por Año");
        assertThat(findings.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.pointer()).isEqualTo("/activities/0/indicator/description");
            assertThat(warning.code()).isEqualTo("text-repaired");
        });
    }

    @Test
    void seedExampleReadsWithItsFaultsReportedAsWarnings() {
        InputFindings findings = new InputFindings();
        PoaExecutionForm form = Forms.read(Fixtures.seedExample(), findings);
        assertThat(findings.errors()).isEmpty();
        assertThat(form.activities()).hasSize(42);
        assertThat(form.activities())
                .filteredOn(a -> a.code().value().equals("11.04.01."))
                .hasSize(4);
        assertThat(findings.warnings())
                .filteredOn(w -> w.code().equals("duplicate-activity-code"))
                .extracting(w -> w.pointer())
                .containsExactly("/activities/36/code", "/activities/37/code", "/activities/38/code");
        assertThat(findings.warnings())
                .filteredOn(w -> w.code().equals("text-repaired"))
                .hasSize(3);
    }
}
