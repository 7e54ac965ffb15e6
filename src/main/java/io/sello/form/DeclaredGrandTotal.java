package io.sello.form;

import java.math.BigDecimal;

/** TOTAL GENERAL as declared: the sources are merged, (9)+(10) and (11)+(12). Every part is optional. */
record DeclaredGrandTotal(BigDecimal programmed, BigDecimal executed, BigDecimal executionPercent) {}
