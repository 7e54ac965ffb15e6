package io.sello.form;

import io.sello.document.InputFindings;
import io.sello.support.Fixtures;

/** A Formulario N.5.B request read as the service reads it: strict JSON, the schema, binding, {@link PoaFormRules}. */
final class Forms {
    private Forms() {}

    /** The form, or {@code null} when {@code findings} holds errors. */
    static PoaExecutionForm read(byte[] json, InputFindings findings) {
        return type().readRequest(json, findings);
    }

    static PoaExecutionFormType type() {
        return (PoaExecutionFormType)
                Fixtures.types().find("poa-execution-form").orElseThrow();
    }
}
