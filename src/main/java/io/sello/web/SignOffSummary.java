package io.sello.web;

import io.sello.signing.SignatureCheck;
import io.sello.signing.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one line a reviewer reads first on {@code /verify/{id}} (issue 16 §5), e.g. "3 firmas personales válidas, con
 * sello de tiempo; verificables a largo plazo." Valid signatures are counted by kind (a personal signature or the
 * service's seal), then what all of them share is said: a trusted time-stamp (B-T and up), and the embedded
 * validation data that keeps them verifiable after the certificates expire (B-LT, B-LTA). Signatures that are not
 * valid follow with their reasons; nothing is said to hold for all when it holds only for some.
 */
final class SignOffSummary {
    private static final Set<String> LONG_TERM = Set.of("B-LT", "B-LTA");

    enum Kind {
        PERSONAL,
        SEAL,
        OTHER
    }

    record Signed(SignatureCheck check, Kind kind) {
        Signed {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(kind, "kind");
        }
    }

    private SignOffSummary() {}

    static String of(List<Signed> signatures) {
        if (signatures.isEmpty()) {
            return "";
        }
        List<Signed> valid = signatures.stream().filter(s -> s.check().valid()).toList();
        List<String> parts = new ArrayList<>();
        if (!valid.isEmpty()) {
            List<String> counted = new ArrayList<>();
            count(valid, Kind.PERSONAL, "firma personal válida", "firmas personales válidas", counted);
            count(valid, Kind.SEAL, "sello del servicio válido", "sellos del servicio válidos", counted);
            count(valid, Kind.OTHER, "firma válida", "firmas válidas", counted);
            String text = String.join(" y ", counted);
            boolean one = valid.size() == 1;
            if (valid.stream().allMatch(s -> s.check().timestampTime() != null)) {
                text += ", con sello de tiempo";
            }
            if (valid.stream().allMatch(s -> LONG_TERM.contains(s.check().level()))) {
                text += one ? "; verificable a largo plazo" : "; verificables a largo plazo";
            }
            parts.add(text);
        }
        for (Verdict verdict : List.of(Verdict.INDETERMINATE, Verdict.INVALID)) {
            List<SignatureCheck> these = signatures.stream()
                    .map(Signed::check)
                    .filter(c -> c.verdict() == verdict)
                    .toList();
            if (these.isEmpty()) {
                continue;
            }
            boolean one = these.size() == 1;
            String words = verdict == Verdict.INDETERMINATE
                    ? (one ? "firma no concluyente" : "firmas no concluyentes")
                    : (one ? "firma no válida" : "firmas no válidas");
            parts.add(these.size() + " " + words + " ("
                    + String.join(
                            "; ",
                            these.stream()
                                    .map(SignatureCheck::reason)
                                    .distinct()
                                    .toList()) + ")");
        }
        return String.join("; ", parts) + ".";
    }

    private static void count(List<Signed> valid, Kind kind, String singular, String plural, List<String> into) {
        long n = valid.stream().filter(s -> s.kind() == kind).count();
        if (n > 0) {
            into.add(n + " " + (n == 1 ? singular : plural));
        }
    }
}
