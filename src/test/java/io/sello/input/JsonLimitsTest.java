package io.sello.input;

import io.sello.document.DocumentTooLargeException;
import io.sello.document.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming limit check: each limit refused at the value that crosses it, with its JSON pointer. */
class JsonLimitsTest {
    private static final JsonLimits SMALL = new JsonLimits(4, 10, 12, 6, 5);

    private static void check(String json) {
        StrictJson.checkLimits(json.getBytes(StandardCharsets.UTF_8), SMALL);
    }

    private static String errorOf(String json) {
        try {
            check(json);
        } catch (InvalidInputException e) {
            return e.errors().get(0).pointer() + " " + e.errors().get(0).message();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void everySeedExamplePassesTheDefaults() {
        for (String example : new String[] {
            "poa-execution-form/senavex-2020-julio.json",
            "agreement-amendment/pcc-peru-2008.json",
            "operational-plan/pcc-plan-operativo-2008.json",
            "budget-summary/cuadro-1-programa.json"
        }) {
            assertThatCode(() -> StrictJson.checkLimits(
                            Files.readAllBytes(Path.of("examples", example)), JsonLimits.DEFAULTS))
                    .as(example)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void atTheLimitIsAcceptedAndOneBeyondIsRefusedWithItsPointer() {
        assertThatCode(() -> check("{\"a\":[[[1]]]}")).doesNotThrowAnyException();
        assertThat(errorOf("{\"a\":[[[[1]]]]}"))
                .isEqualTo("/a/0/0/0 expected objects and arrays nested at most 4 deep");
        assertThatCode(() -> check("{\"a\":\"0123456789\"}")).doesNotThrowAnyException();
        assertThat(errorOf("{\"a\":{\"b\":\"01234567890\"}}"))
                .isEqualTo("/a/b expected a string of at most 10 characters");
        assertThat(errorOf("{\"01234567890\":1}"))
                .startsWith("/01234567890 expected a field name of at most 10 characters");
        assertThatCode(() -> check("{\"a\":123456789012}")).doesNotThrowAnyException();
        assertThat(errorOf("{\"a\":[1,1234567890123]}")).isEqualTo("/a/1 expected a number of at most 12 characters");
    }

    @Test
    void aHugeExponentIsRefusedWithoutExpandingIt() {
        assertThat(errorOf("{\"budget\":1e1000000000}"))
                .isEqualTo("/budget expected a number with a decimal exponent between -6 and 6 but got 1e1000000000");
        assertThat(errorOf("{\"budget\":1e-999999}")).startsWith("/budget expected a number with a decimal exponent");
        assertThatCode(() -> check("{\"budget\":1.5e3}")).doesNotThrowAnyException();
        assertThat(StrictJson.scaleOf("1.25")).isEqualTo(2);
        assertThat(StrictJson.scaleOf("1.5E+3")).isEqualTo(-2);
        assertThat(StrictJson.scaleOf("-2e-5")).isEqualTo(5);
        assertThat(StrictJson.scaleOf("1e-9223372036854775808")).isEqualTo(Long.MAX_VALUE);
        assertThat(StrictJson.scaleOf("1e99999999999999999999")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void duplicateKeysAndTrailingTokensAreRefused() {
        assertThat(errorOf("{\"a\":1,\"a\":2}")).contains("/a").contains("Duplicate");
        assertThatThrownBy(() -> StrictJson.parse("{} {}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void listItemsAreCountedAcrossTheWholeDocumentAndRefusedAs422() {
        assertThatCode(() -> check("{\"a\":[1,2],\"b\":[{\"c\":[3]},4]}")).doesNotThrowAnyException();
        assertThatThrownBy(() -> check("{\"a\":[1,2],\"b\":[{\"c\":[3,4]},5]}"))
                .isInstanceOf(DocumentTooLargeException.class)
                .hasMessageStartingWith("/b/1: a document may have at most 5 list items");
    }

    @Test
    void inABatchTheListItemsAreCountedPerDocument() {
        String batch = "{\"items\":[{\"document\":{\"a\":[1,2,3]}},{\"document\":{\"a\":[1,2,3]}}]}";
        Pattern roots = Pattern.compile("/items/\\d+/document");
        JsonLimits limits = new JsonLimits(10, 10, 12, 6, 5);
        assertThatCode(() -> StrictJson.checkLimits(batch.getBytes(StandardCharsets.UTF_8), limits, roots))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> StrictJson.checkLimits(batch.getBytes(StandardCharsets.UTF_8), limits))
                .isInstanceOf(DocumentTooLargeException.class);
        String tooMany = "{\"items\":[{\"document\":{\"a\":[1,2,3]}},{\"document\":{\"a\":[1,2,3,4,5,6]}}]}";
        assertThatThrownBy(() -> StrictJson.checkLimits(tooMany.getBytes(StandardCharsets.UTF_8), limits, roots))
                .isInstanceOf(DocumentTooLargeException.class)
                .hasMessageStartingWith("/items/1/document/a/5:");
    }
}
