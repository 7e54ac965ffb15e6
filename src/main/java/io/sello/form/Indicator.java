package io.sello.form;

import java.math.BigDecimal;
import java.util.Objects;

/** Columns (7) and (8): what the activity is measured by and how far it has got, in %. */
record Indicator(String description, BigDecimal cumulativeEfficacyPercent) {
    public Indicator {
        Objects.requireNonNull(description, "description");
        Money.amount(cumulativeEfficacyPercent, "cumulativeEfficacyPercent");
    }
}
