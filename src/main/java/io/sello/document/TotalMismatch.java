package io.sello.document;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A figure the client declared that differs from the one the service computed.
 *
 * @param pointer        the JSON pointer of the declared figure
 * @param location       where a reviewer finds the figure on paper; {@code null} when the pointer says it all
 * @param tolerance      the largest difference rounding alone can explain; zero where nothing is rounded
 * @param classification {@code ROUNDING} when the difference is within the tolerance, else {@code ERROR}
 */
public record TotalMismatch(
        String pointer,
        Location location,
        BigDecimal declared,
        BigDecimal computed,
        BigDecimal tolerance,
        Classification classification) {
    public TotalMismatch {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(declared, "declared");
        Objects.requireNonNull(computed, "computed");
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(classification, "classification");
        if (tolerance.signum() < 0) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        if (declared.compareTo(computed) == 0) {
            throw new IllegalArgumentException("a mismatch needs two different figures");
        }
    }

    /** A figure exact to the cent, such as the totals of Formulario N.5.B: any difference is an error. */
    public static TotalMismatch exact(String pointer, BigDecimal declared, BigDecimal computed) {
        return new TotalMismatch(pointer, null, declared, computed, BigDecimal.ZERO, Classification.ERROR);
    }

    /** Classifies a difference against the rounding tolerance. */
    public static TotalMismatch classified(
            String pointer, Location location, BigDecimal declared, BigDecimal computed, BigDecimal tolerance) {
        Classification kind = declared.subtract(computed).abs().compareTo(tolerance) <= 0
                ? Classification.ROUNDING
                : Classification.ERROR;
        return new TotalMismatch(pointer, location, declared, computed, tolerance, kind);
    }

    public BigDecimal difference() {
        return declared.subtract(computed);
    }

    public boolean isError() {
        return classification == Classification.ERROR;
    }

    public String describe() {
        return "declared " + declared.toPlainString() + " but the figures add up to " + computed.toPlainString()
                + (isError()
                        ? ""
                        : " (rounding: within ±"
                                + tolerance.stripTrailingZeros().toPlainString() + ")");
    }

    public enum Classification {
        ERROR,
        ROUNDING
    }

    /** A cell of a printed table, named as a reviewer reads it. */
    public record Location(String table, String row, String column) {
        public Location {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(column, "column");
        }
    }
}
