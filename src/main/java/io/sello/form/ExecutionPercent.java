package io.sello.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Column (13), % EJECUCIÓN = executed ÷ programmed × 100 over both sources (T.G.N. + otras fuentes),
 * rounded half-up to 2 decimals.
 *
 * <p>When nothing was programmed: if nothing was executed either, the form prints {@code 0.00}, as
 * every unfunded activity of seed 000 does. If money was executed against a zero programme the
 * ratio has no meaning; it is empty here, printed "N/A", and the reader is warned.
 */
final class ExecutionPercent {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private ExecutionPercent() {}

    public static Optional<BigDecimal> of(BigDecimal programmed, BigDecimal executed) {
        if (programmed.signum() == 0) {
            return executed.signum() == 0 ? Optional.of(ZERO) : Optional.empty();
        }
        return Optional.of(executed.multiply(HUNDRED).divide(programmed, 2, RoundingMode.HALF_UP));
    }
}
