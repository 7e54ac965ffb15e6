package io.sello.document;

import java.util.List;

/** What the service found in a request: errors refuse it, mismatches classified as errors refuse it unless lenient, warnings never do. */
public record ValidationReport(List<InputError> errors, List<TotalMismatch> mismatches, List<Warning> warnings) {
    public ValidationReport {
        errors = List.copyOf(errors);
        mismatches = List.copyOf(mismatches);
        warnings = List.copyOf(warnings);
    }

    public static ValidationReport ofErrors(List<InputError> errors) {
        return new ValidationReport(errors, List.of(), List.of());
    }

    /** Whether a strict render would succeed: rounding differences are reported but never refuse a document. */
    public boolean valid() {
        return errors.isEmpty() && errorMismatches().isEmpty();
    }

    public List<TotalMismatch> errorMismatches() {
        return mismatches.stream().filter(TotalMismatch::isError).toList();
    }
}
