package io.sello.form;

import io.sello.document.InputFindings;
import io.sello.document.TotalMismatch;
import io.sello.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static io.sello.support.Fixtures.smallForm;
import static io.sello.support.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class ComputationTest {

    private static ComputedForm compute(String json) {
        InputFindings findings = new InputFindings();
        PoaExecutionForm form = Forms.read(utf8(json), findings);
        assertThat(findings.errors()).isEmpty();
        return ComputedForm.of(form);
    }

    @Test
    void activityTotalAddsItsLinesPerSource() {
        ComputedActivity activity = compute(smallForm()).activities().get(0);
        assertThat(activity.programmed())
                .isEqualTo(new SourceAmounts(new BigDecimal("1000.99"), new BigDecimal("200.00")));
        assertThat(activity.executed()).isEqualTo(new SourceAmounts(new BigDecimal("300.25"), new BigDecimal("0.00")));
        // 300.25 / 1200.99 × 100 = 25.0002… → 25.00
        assertThat(activity.executionPercent()).contains(new BigDecimal("25.00"));
    }

    @ParameterizedTest
    @CsvSource({
        "1200.99, 300.25, 25.00",
        "3.00,    1.00,   33.33",
        "3.00,    2.00,   66.67",
        "8.00,    1.00,   12.50", // exactly half a centavo rounds up
        "100.00,  150.00, 150.00", // over-execution is reported, not capped
        "0.00,    0.00,   0.00", // seed 000: nothing programmed, nothing executed
    })
    void executionPercentIsHalfUpToTwoDecimals(String programmed, String executed, String percent) {
        assertThat(ExecutionPercent.of(new BigDecimal(programmed), new BigDecimal(executed)))
                .contains(new BigDecimal(percent));
    }

    @Test
    void executionAgainstNothingProgrammedHasNoPercent() {
        assertThat(ExecutionPercent.of(new BigDecimal("0.00"), new BigDecimal("5.00")))
                .isEmpty();
    }

    @Test
    void partialAndGeneralTotalsOfTheSeedAreComputed() {
        InputFindings findings = new InputFindings();
        ComputedForm computed = ComputedForm.of(Forms.read(Fixtures.seedExample(), findings));
        assertThat(computed.partialProgrammed().tgn()).isEqualTo(new BigDecimal("13614893.00"));
        assertThat(computed.partialProgrammed().otherSources()).isEqualTo(new BigDecimal("0.00"));
        assertThat(computed.generalProgrammed()).isEqualTo(new BigDecimal("13614893.00"));
        assertThat(computed.generalExecuted()).isEqualTo(new BigDecimal("0.00"));
        assertThat(computed.executionPercent()).contains(new BigDecimal("0.00"));
        ComputedActivity control = computed.activities().stream()
                .filter(a -> a.activity().code().value().equals("11.03.03."))
                .findFirst()
                .orElseThrow();
        assertThat(control.programmed().tgn()).isEqualTo(new BigDecimal("7769063.00"));
        assertThat(DeclaredTotalsCheck.check(computed))
                .as("the seed's printed totals are right")
                .isEmpty();
    }

    @Test
    void declaredTotalsThatDifferAreListedWithPointerDeclaredAndComputed() {
        String json = smallForm().replace("\"signatories\"", """
                "declaredTotals": {
                  "partial": {"programmed": {"tgn": "1000.99", "otherSources": "250.00"}},
                  "general": {"programmed": "1200.99", "executed": 999, "executionPercent": "25.00"}
                },
                "signatories\"""");
        List<TotalMismatch> mismatches = DeclaredTotalsCheck.check(compute(json));
        assertThat(mismatches)
                .extracting(TotalMismatch::pointer)
                .containsExactly("/declaredTotals/partial/programmed/otherSources", "/declaredTotals/general/executed");
        assertThat(mismatches.get(0).declared()).isEqualTo(new BigDecimal("250.00"));
        assertThat(mismatches.get(0).computed()).isEqualTo(new BigDecimal("200.00"));
        assertThat(mismatches.get(0).difference()).isEqualTo(new BigDecimal("50.00"));
    }

    @Test
    void declaredActivityTotalIsCheckedPerActivity() {
        String json = smallForm().replace("\"code\": \"01.01.02.\",", """
                "code": "01.01.02.",
                "declaredTotal": {"programmed": {"tgn": 10}, "executionPercent": 0},""");
        assertThat(DeclaredTotalsCheck.check(compute(json))).singleElement().satisfies(m -> {
            assertThat(m.pointer()).isEqualTo("/activities/1/declaredTotal/programmed/tgn");
            assertThat(m.computed()).isEqualTo(new BigDecimal("0.00"));
        });
    }
}
