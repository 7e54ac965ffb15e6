package io.sello.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Collects every error and warning while a request is read, so the client hears of all of them at once. */
public final class InputFindings {
    private final List<InputError> errors = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();

    public void error(String pointer, String message) {
        errors.add(new InputError(pointer, message));
    }

    public void warn(String pointer, String code, String message) {
        warnings.add(new Warning(pointer, code, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<InputError> errors() {
        return List.copyOf(errors);
    }

    public List<Warning> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * The report of a request that is checked, not rendered: the reader's errors and warnings, and, when it
     * read a value ({@code null} means errors), the declared figures that differ and the computed figures,
     * which {@code computed} works out of the value (its errors and warnings are ignored: the reader's count).
     */
    public static <T> ValidationReport check(
            Function<InputFindings, T> reader, Function<T, ValidationReport> computed) {
        InputFindings findings = new InputFindings();
        T value;
        try {
            value = reader.apply(findings);
        } catch (InvalidInputException malformed) {
            return ValidationReport.ofErrors(malformed.errors());
        }
        if (value == null || findings.hasErrors()) {
            return new ValidationReport(findings.errors(), List.of(), findings.warnings());
        }
        ValidationReport result = computed.apply(value);
        return new ValidationReport(List.of(), result.mismatches(), findings.warnings(), result.figures());
    }

    /**
     * A stored request read again for its title block (the verification page): the value when it still reads
     * without errors, else empty. Never throws, so an old or odd record cannot break the page that shows it.
     */
    public static <T> Optional<T> readQuietly(Function<InputFindings, T> reader) {
        InputFindings findings = new InputFindings();
        try {
            T value = reader.apply(findings);
            return value == null || findings.hasErrors() ? Optional.empty() : Optional.of(value);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    public void throwIfErrors() {
        if (hasErrors()) {
            throw new InvalidInputException(errors);
        }
    }
}
