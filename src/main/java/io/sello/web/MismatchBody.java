package io.sello.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sello.document.TotalMismatch;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A declared figure that differs, as clients read it in a 422 or a validation report: where it is
 * (JSON pointer, and table/row/column for budget tables), both figures, the difference, the
 * rounding tolerance and whether the difference is {@code rounding} or an {@code error}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MismatchBody(
        String pointer,
        String table,
        String row,
        String column,
        BigDecimal declared,
        BigDecimal computed,
        BigDecimal difference,
        BigDecimal tolerance,
        String classification) {
    static MismatchBody of(TotalMismatch m) {
        TotalMismatch.Location at = m.location();
        return new MismatchBody(
                m.pointer(),
                at == null ? null : at.table(),
                at == null ? null : at.row(),
                at == null ? null : at.column(),
                m.declared(),
                m.computed(),
                m.difference(),
                m.tolerance(),
                m.classification().name().toLowerCase(Locale.ROOT));
    }
}
