package io.sello.document;

import java.util.List;

/**
 * What the service found in a request: errors refuse it, mismatches classified as errors refuse it unless lenient,
 * warnings never do. {@code figures} are the figures the document would print, computed and formatted by the code
 * that renders it; empty when errors in the input keep them from being computed.
 */
public record ValidationReport(
        List<InputError> errors, List<TotalMismatch> mismatches, List<Warning> warnings, List<ComputedFigure> figures) {
    public ValidationReport {
        errors = List.copyOf(errors);
        mismatches = List.copyOf(mismatches);
        warnings = List.copyOf(warnings);
        figures = List.copyOf(figures);
    }

    /** A report without computed figures. */
    public ValidationReport(List<InputError> errors, List<TotalMismatch> mismatches, List<Warning> warnings) {
        this(errors, mismatches, warnings, List.of());
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
