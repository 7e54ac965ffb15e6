package io.sello.document;

import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema check tells a fault in the words the hand-written readers used before issue 18 (the same pointer, what
 * was expected, what was sent), not in the validator's: a money alternative by the bound its value breaks or by what
 * it stands for, a pattern by what it stands for, an unknown field with the fields its object takes.
 */
class SchemaWordingTest {
    private static final SchemaCheck CHECK = new SchemaCheck("""
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "additionalProperties": false,
             "properties": {
               "amount": {"$ref": "#/$defs/money"},
               "group": {"type": "string", "pattern": "^[1-9]0000$", "x-sello-expected": "an expense group"},
               "code": {"type": "string", "pattern": "^[0-9]{2}$"},
               "rate": {"type": "number", "exclusiveMinimum": 0},
               "plain": {"oneOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": "^[0-9]+$"}]}
             },
             "$defs": {"money": {
               "x-sello-expected": "an amount as a number or a decimal string such as \\"1237022.00\\"",
               "oneOf": [{"type": "number", "minimum": 0, "maximum": 999.99, "multipleOf": 0.01},
                         {"type": "string", "pattern": "^\\\\d{1,3}(\\\\.\\\\d{1,2})?$"}]}}}
            """);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "negative number       | {\"amount\": -5}            | /amount | must not be negative but got -5",
                "negative string       | {\"amount\": \"-300.25\"}   | /amount | must not be negative but got -300.25",
                "three decimals        | {\"amount\": 1.505}         | /amount | expected at most 2 decimal places but got 1.505 (nothing is rounded)",
                "three decimals, text  | {\"amount\": \"1.505\"}     | /amount | expected at most 2 decimal places but got 1.505 (nothing is rounded)",
                "over the maximum      | {\"amount\": \"1000\"}      | /amount | must be at most 999.99",
                "words                 | {\"amount\": \"doce\"}      | /amount | expected an amount as a number or a decimal string such as \"1237022.00\" but got the string \"doce\"",
                "true                  | {\"amount\": true}          | /amount | expected an amount as a number or a decimal string such as \"1237022.00\" but got the boolean true",
                "pattern that says     | {\"group\": \"35000\"}      | /group  | expected an expense group but got the string \"35000\"",
                "pattern that does not | {\"code\": \"123\"}         | /code   | does not have the form the schema gives (pattern ^[0-9]{2}$)",
                "zero rate             | {\"rate\": 0}               | /rate   | must be greater than zero",
                "unknown field         | {\"sigla\": 1}              | /sigla  | unknown field \"sigla\"; expected one of [amount, code, group, plain, rate]",
                "unsaid alternative    | {\"plain\": -1}             | /plain  | does not have any of the forms the published schema allows",
            })
    void saysWhatWasExpected(String name, String body, String pointer, String message) {
        assertThat(CHECK.check(Fixtures.utf8(body))).containsExactly(new InputError(pointer, message));
    }

    @Test
    void listsFaultsInTheSchemasOrderWithAnAlternativeInItsPlace() {
        assertThat(CHECK.check(Fixtures.utf8("{\"code\": \"1\", \"amount\": \"x\", \"rate\": 0}")))
                .extracting(InputError::pointer)
                .containsExactly("/amount", "/code", "/rate");
    }
}
