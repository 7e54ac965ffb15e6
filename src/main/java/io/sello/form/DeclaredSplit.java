package io.sello.form;

import java.math.BigDecimal;

/** Declared figures per source; either may be absent (not declared). */
record DeclaredSplit(BigDecimal tgn, BigDecimal otherSources) {}
