package io.sello.document;

import java.util.List;

/** What the service found in a request: errors refuse it, mismatches refuse it unless lenient, warnings never do. */
public record ValidationReport(List<InputError> errors, List<TotalMismatch> mismatches, List<Warning> warnings) {
    public ValidationReport {
        errors = List.copyOf(errors);
        mismatches = List.copyOf(mismatches);
        warnings = List.copyOf(warnings);
    }

    public static ValidationReport ofErrors(List<InputError> errors) {
        return new ValidationReport(errors, List.of(), List.of());
    }

    public boolean valid() {
        return errors.isEmpty() && mismatches.isEmpty();
    }
}
