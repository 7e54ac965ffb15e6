package io.sello.document;

import java.math.BigDecimal;
import java.util.Objects;

/** A figure the client declared that differs from the one the service computed. */
public record TotalMismatch(String pointer, BigDecimal declared, BigDecimal computed) {
    public TotalMismatch {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(declared, "declared");
        Objects.requireNonNull(computed, "computed");
    }

    public BigDecimal difference() {
        return declared.subtract(computed);
    }

    public String describe() {
        return "declared " + declared.toPlainString() + " but the rows add up to " + computed.toPlainString();
    }
}
