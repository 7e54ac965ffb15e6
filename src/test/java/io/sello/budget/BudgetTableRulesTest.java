package io.sello.budget;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad table is refused with the JSON pointer of each fault and what was expected: by the published schema where it
 * can say so, by {@link BudgetTableRules} across fields.
 */
class BudgetTableRulesTest {
    private static final String TABLE = """
            {"id": "t", "labelHeader": "Concepto",
             "columns": [{"key": "chf", "header": "CHF", "currency": "CHF"},
                         {"key": "usd", "header": "US$", "currency": "USD", "convert": {"from": "chf", "rate": {"base": "USD", "value": 1.123}}},
                         {"key": "extra", "header": "Extra", "currency": "CHF"},
                         {"key": "total", "header": "Total", "currency": "CHF", "formula": "chf + extra"}],
             "rows": [{"label": "a", "values": {"chf": 100, "extra": 5}, "declared": {"usd": 89}},
                      {"total": "TOTAL", "declared": {"chf": 100}}]}
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "formula naming a missing column | \"chf + extra\" | \"chf + nothing\" | /columns/3/formula: expected a column to the left of this one but got \"nothing\"",
                "formula mixing currencies | \"chf + extra\" | \"chf + usd\" | /columns/3/formula: column \"usd\" is in USD, not CHF; convert it first",
                "formula with code in it | \"chf + extra\" | \"chf * 2\" | /columns/3/formula: expected column keys joined by + and - such as \"usd + igv - executed\" but got the string \"chf * 2\"",
                "formula using a column to its right | \"chf + extra\" | \"chf + total\" | /columns/3/formula: expected a column to the left of this one but got \"total\"",
                "rate in neither currency | \"base\": \"USD\" | \"base\": \"EUR\" | /columns/1/convert/rate/base: expected CHF or USD (the currencies converted) but got EUR",
                "rate of zero as a string | \"value\": 1.123 | \"value\": \"0.000\" | /columns/1/convert/rate/value: must be greater than zero",
                "rate of zero | \"value\": 1.123 | \"value\": 0 | /columns/1/convert/rate/value: must be greater than zero",
                "conversion into its own currency | \"currency\": \"USD\" | \"currency\": \"CHF\" | /columns/1/convert/from: expected a column in another currency than CHF",
                "declared figure on an input | \"declared\": {\"usd\": 89} | \"declared\": {\"chf\": 89} | /rows/0/declared/chf: unknown field \"chf\"; expected one of [total, usd]",
                "values on a total | {\"total\": \"TOTAL\", | {\"total\": \"TOTAL\", \"values\": {\"chf\": 1}, | /rows/1/values: only item rows carry values",
                "too many decimals | \"chf\": 100, | \"chf\": 100.5, | /rows/0/values/chf: expected at most 0 decimals but got 100.5",
                "a word as a figure | \"chf\": 100, | \"chf\": \"cien\", | /rows/0/values/chf: expected an amount, \"-\" or \"n.a.\" but got the string \"cien\"",
                "two kinds of row | {\"total\": \"TOTAL\", | {\"total\": \"TOTAL\", \"heading\": \"x\", | /rows/1: does not have any of the forms the published schema allows",
                "unknown currency | \"currency\": \"USD\" | \"currency\": \"XAU\" | /columns/1/currency: expected one of [USD, CHF, PEN, BOB, EUR] but got \"XAU\"",
                "duplicate column | \"key\": \"extra\" | \"key\": \"chf\" | /columns/2/key: column \"chf\" is already defined",
                "bad id | \"id\": \"t\" | \"id\": \"../etc\" | /id: expected an id of lowercase letters, digits and hyphens such as \"programa-por-anio\" but got the string \"../etc\"",
                "level too deep | {\"label\": \"a\", | {\"label\": \"a\", \"level\": 9, | /rows/0/level: must be at most 3",
                "declared figure on the other input | \"declared\": {\"usd\": 89} | \"declared\": {\"extra\": 5} | /rows/0/declared/extra: unknown field \"extra\"; expected one of [total, usd]",
                "rounding not listed | \"labelHeader\": \"Concepto\", | \"labelHeader\": \"Concepto\", \"rounding\": \"cell\", | /rounding: expected one of [per-cell, display] but got \"cell\"",
                "rounding not a string | \"labelHeader\": \"Concepto\", | \"labelHeader\": \"Concepto\", \"rounding\": true, | /rounding: expected one of [per-cell, display] but got true",
                "display table with an input finer than its column | \"chf\": 100, | \"chf\": 100.25, | /rows/0/values/chf: expected at most 0 decimals but got 100.25",
                "display table rounding a conversion half even | \"value\": 1.123}} | \"value\": 1.123}, \"rounding\": \"HALF_EVEN\"} | /columns/1/convert/rounding: expected one of [HALF_UP] but got \"HALF_EVEN\""
            })
    void refusedWithItsPointer(String fault, String from, String to, String expected) {
        // The display-rounding faults are planted in a table in display rounding.
        String table = fault.startsWith("display")
                ? TABLE.replace(
                        "\"labelHeader\": \"Concepto\",", "\"labelHeader\": \"Concepto\", \"rounding\": \"display\",")
                : TABLE;
        assertThat(Budgets.errors(table)).isEmpty();
        String json = table.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
        assertThat(json).as("the fault was planted").isNotEqualTo(table);
        assertThat(Budgets.errors(json)).anySatisfy(error -> assertThat(error).startsWith(expected));
    }
}
