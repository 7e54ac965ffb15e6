package io.sello.amendment;

import java.time.LocalDate;
import java.util.Objects;

/** The project the agreement is about: "Programa de Cooperación Comercial (PCC)", Fase II, 1.9.2005–31.12.2008. */
record Project(String name, String phase, LocalDate validFrom, LocalDate validTo) {
    public Project {
        Objects.requireNonNull(name, "name");
        phase = phase == null ? "" : phase;
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        if (validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo must not be before validFrom");
        }
    }
}
