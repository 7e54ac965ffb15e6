package io.sello.form;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A complete, validated Formulario N.5.B request. */
record PoaExecutionForm(
        FormHeader header,
        List<Activity> activities,
        List<Signatory> signatories,
        DeclaredTotal declaredPartialTotal,
        DeclaredGrandTotal declaredGrandTotal) {
    public PoaExecutionForm {
        Objects.requireNonNull(header, "header");
        activities = List.copyOf(activities);
        if (activities.isEmpty()) {
            throw new IllegalArgumentException("a form has at least one activity");
        }
        signatories = List.copyOf(signatories);
        Set<SignatoryRole> roles = EnumSet.noneOf(SignatoryRole.class);
        for (Signatory signatory : signatories) {
            if (!roles.add(signatory.role())) {
                throw new IllegalArgumentException("role " + signatory.role() + " appears twice");
            }
        }
    }

    public Signatory signatory(SignatoryRole role) {
        return signatories.stream().filter(s -> s.role() == role).findFirst().orElse(new Signatory(role, "", ""));
    }
}
