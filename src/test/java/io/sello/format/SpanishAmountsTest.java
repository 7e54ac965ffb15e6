package io.sello.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpanishAmountsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0         | cero",
                "1         | uno",
                "21        | veintiuno",
                "100       | cien",
                "101       | ciento uno",
                "21000     | veintiún mil",
                "1000000   | un millón",
                "83290     | ochenta y tres mil doscientos noventa",
                "3283290   | tres millones doscientos ochenta y tres mil doscientos noventa",
                "4087460   | cuatro millones ochenta y siete mil cuatrocientos sesenta",
            })
    void wholeUnitsInWords(long units, String words) {
        assertThat(SpanishAmounts.words(BigInteger.valueOf(units))).isEqualTo(words);
    }

    @Test
    void theLegalFormOfSeed003() {
        assertThat(SpanishAmounts.legal(
                        new BigDecimal("83290.00"), Currency.USD, NumberStyle.COMMA_GROUPS_DOT_DECIMALS))
                .isEqualTo("US$ 83,290.00 (ochenta y tres mil doscientos noventa y 00/100 Dólares americanos)");
        assertThat(SpanishAmounts.legal(
                        new BigDecimal("87460.00"), Currency.CHF, NumberStyle.COMMA_GROUPS_DOT_DECIMALS))
                .isEqualTo("CHF 87,460.00 (ochenta y siete mil cuatrocientos sesenta y 00/100 Francos suizos)");
        assertThat(SpanishAmounts.legal(
                        new BigDecimal("3283290.00"), Currency.USD, NumberStyle.COMMA_GROUPS_DOT_DECIMALS))
                .isEqualTo(
                        "US$ 3,283,290.00 (tres millones doscientos ochenta y tres mil doscientos noventa y 00/100 Dólares americanos)");
        assertThat(SpanishAmounts.legal(
                        new BigDecimal("4087460.00"), Currency.CHF, NumberStyle.COMMA_GROUPS_DOT_DECIMALS))
                .isEqualTo(
                        "CHF 4,087,460.00 (cuatro millones ochenta y siete mil cuatrocientos sesenta y 00/100 Francos suizos)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0.00       | cero y 00/100 Dólares americanos",
                "1.00       | uno y 00/100 Dólares americanos",
                "0.05       | cero y 05/100 Dólares americanos",
                "1234.56    | mil doscientos treinta y cuatro y 56/100 Dólares americanos",
                "1000000.99 | un millón y 99/100 Dólares americanos",
            })
    void centsAreWrittenAsHundredths(String amount, String words) {
        assertThat(SpanishAmounts.inWords(new BigDecimal(amount), Currency.USD)).isEqualTo(words);
    }

    @Test
    void refusesWhatItCannotSayExactly() {
        assertThatThrownBy(() -> SpanishAmounts.inWords(new BigDecimal("1.005"), Currency.USD))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> SpanishAmounts.words(BigInteger.valueOf(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
