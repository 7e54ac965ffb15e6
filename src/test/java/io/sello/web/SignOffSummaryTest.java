package io.sello.web;

import io.sello.signing.SignatureCheck;
import io.sello.signing.TrustValidator;
import io.sello.signing.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary line of the verification page (issue 16 §5), from the verdicts, kinds, levels and time-stamps. */
class SignOffSummaryTest {
    private static SignOffSummary.Signed signed(
            Verdict verdict, String level, boolean timestamped, SignOffSummary.Kind kind, String reason) {
        SignatureCheck check = new SignatureCheck(
                "F",
                "ELABORADO",
                "Ana",
                "CN=Ana",
                Instant.EPOCH,
                2,
                verdict != Verdict.INVALID,
                null,
                verdict,
                reason,
                null,
                level,
                timestamped ? Instant.EPOCH : null,
                timestamped ? Boolean.TRUE : null,
                TrustValidator.Chain.TRUSTED,
                "Ana");
        return new SignOffSummary.Signed(check, kind);
    }

    @Test
    void threePersonalLongTermSignaturesReadAsTheIssueWritesThem() {
        var personal = signed(Verdict.VALID, "B-LTA", true, SignOffSummary.Kind.PERSONAL, "ok");
        assertThat(SignOffSummary.of(List.of(personal, personal, personal)))
                .isEqualTo("3 firmas personales válidas, con sello de tiempo; verificables a largo plazo.");
    }

    @Test
    void onlyWhatHoldsForEveryValidSignatureIsSaid() {
        assertThat(SignOffSummary.of(List.of(
                        signed(Verdict.VALID, "B-LTA", true, SignOffSummary.Kind.PERSONAL, "ok"),
                        signed(Verdict.VALID, "B-B", false, SignOffSummary.Kind.SEAL, "ok"))))
                .isEqualTo("1 firma personal válida y 1 sello del servicio válido.");
        assertThat(SignOffSummary.of(List.of(signed(Verdict.VALID, "B-T", true, SignOffSummary.Kind.SEAL, "ok"))))
                .isEqualTo("1 sello del servicio válido, con sello de tiempo.");
        assertThat(SignOffSummary.of(List.of(signed(Verdict.VALID, "B-LT", true, SignOffSummary.Kind.OTHER, "ok"))))
                .isEqualTo("1 firma válida, con sello de tiempo; verificable a largo plazo.");
    }

    @Test
    void signaturesThatAreNotValidFollowWithTheirReasons() {
        assertThat(SignOffSummary.of(List.of(
                        signed(Verdict.VALID, "B-LTA", true, SignOffSummary.Kind.PERSONAL, "ok"),
                        signed(
                                Verdict.INDETERMINATE,
                                "B-B",
                                false,
                                SignOffSummary.Kind.SEAL,
                                "certificado de desarrollo"),
                        signed(Verdict.INVALID, "B-B", false, SignOffSummary.Kind.PERSONAL, "certificado revocado"))))
                .isEqualTo(
                        "1 firma personal válida, con sello de tiempo; verificable a largo plazo;"
                                + " 1 firma no concluyente (certificado de desarrollo); 1 firma no válida (certificado revocado).");
        assertThat(SignOffSummary.of(List.of())).isEmpty();
    }
}
