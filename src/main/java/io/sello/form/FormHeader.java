package io.sello.form;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The title block printed on every page of Formulario N.5.B.
 *
 * @param formTitle  includes the month, e.g. "SEGUIMIENTO A LA EJECUCION FINANCIERA - MES DE JULIO"
 * @param formCode   e.g. "FORMULARIO N.5.B", printed in parentheses
 * @param planLabel  heads the header table, e.g. "ANTEPROYECTO POA 2020"
 * @param entityCode "Código(*)" of the entity, e.g. "41"
 */
record FormHeader(
        String institution,
        String program,
        String formTitle,
        String formCode,
        String planLabel,
        String organizationalArea,
        int fiscalYear,
        LocalDate cutOffDate,
        String entityCode,
        String acronym) {
    public FormHeader {
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(formTitle, "formTitle");
        Objects.requireNonNull(formCode, "formCode");
        Objects.requireNonNull(planLabel, "planLabel");
        Objects.requireNonNull(organizationalArea, "organizationalArea");
        if (fiscalYear < 1900 || fiscalYear > 2999) {
            throw new IllegalArgumentException("fiscalYear out of range");
        }
        Objects.requireNonNull(cutOffDate, "cutOffDate");
        Objects.requireNonNull(entityCode, "entityCode");
        Objects.requireNonNull(acronym, "acronym");
    }
}
