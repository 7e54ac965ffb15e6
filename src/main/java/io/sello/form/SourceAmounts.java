package io.sello.form;

import java.math.BigDecimal;

/**
 * An amount split by funding source, as in columns (9)/(10) and (11)/(12) of Formulario N.5.B:
 * T.G.N. (Tesoro General de la Nación) and otras fuentes.
 */
record SourceAmounts(BigDecimal tgn, BigDecimal otherSources) {
    public static final SourceAmounts ZERO =
            new SourceAmounts(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

    public SourceAmounts {
        Money.amount(tgn, "tgn");
        Money.amount(otherSources, "otherSources");
    }

    public SourceAmounts plus(SourceAmounts other) {
        return new SourceAmounts(tgn.add(other.tgn), otherSources.add(other.otherSources));
    }

    public BigDecimal total() {
        return tgn.add(otherSources);
    }
}
