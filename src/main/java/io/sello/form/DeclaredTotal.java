package io.sello.form;

import java.math.BigDecimal;

/**
 * A TOTAL row (an activity's, or TOTAL PARCIAL) as the client typed it. Every part is optional:
 * only what was declared is checked.
 */
record DeclaredTotal(DeclaredSplit programmed, DeclaredSplit executed, BigDecimal executionPercent) {}
