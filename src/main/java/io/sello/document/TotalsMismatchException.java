package io.sello.document;

import java.util.List;

/** Declared totals disagree with the computed ones and the client did not ask for lenient mode. */
public class TotalsMismatchException extends RuntimeException {
    private final transient List<TotalMismatch> mismatches;
    private final transient List<Warning> warnings;

    public TotalsMismatchException(List<TotalMismatch> mismatches, List<Warning> warnings) {
        super(mismatches.size() + " declared total(s) differ from the computed ones");
        this.mismatches = List.copyOf(mismatches);
        this.warnings = List.copyOf(warnings);
    }

    public List<TotalMismatch> mismatches() {
        return mismatches;
    }

    public List<Warning> warnings() {
        return warnings;
    }
}
