package io.sello.budget;

import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/** How the cells of a column come about: typed in by the client, or computed by the service. */
sealed interface Computation {

    /** The columns this one is computed from, in order; none for an input column. */
    List<String> sources();

    /** The client types the figures in. */
    record Input() implements Computation {
        @Override
        public List<String> sources() {
            return List.of();
        }
    }

    /** The row sum of other columns (Cuadro 1: Total = 2005 + … + 2008 extensión). */
    record RowSum(List<String> sources) implements Computation {
        public RowSum {
            sources = List.copyOf(sources);
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("a row sum needs at least one column");
            }
        }
    }

    /**
     * A signed sum of other columns, as in the subproject summary of seed 003:
     * Disponible = Total US$ + IGV − Ejecutado − Gasto agosto; Adicional = Solicitado − Disponible.
     */
    record Formula(List<Term> terms) implements Computation {
        public Formula {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("a formula needs at least one term");
            }
        }

        @Override
        public List<String> sources() {
            return terms.stream().map(Term::column).toList();
        }

        /** The formula as the client wrote it, normalised: {@code usd + igv - executed}. */
        public String text() {
            StringBuilder text = new StringBuilder();
            for (Term term : terms) {
                if (text.length() == 0) {
                    text.append(term.negative() ? "-" : "").append(term.column());
                } else {
                    text.append(term.negative() ? " - " : " + ").append(term.column());
                }
            }
            return text.toString();
        }
    }

    /** One column of a formula, added or subtracted. */
    record Term(String column, boolean negative) {
        public Term {
            Objects.requireNonNull(column, "column");
        }
    }

    /** Another column converted at a stated rate and rounded to what this column prints. */
    record Conversion(String from, ExchangeRate rate, RoundingMode rounding) implements Computation {
        public Conversion {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(rounding, "rounding");
        }

        @Override
        public List<String> sources() {
            return List.of(from);
        }
    }
}
