package io.sello.form;

import java.util.Objects;

/** Who answers for the information in one role; printed under NOMBRE and CARGO. */
record Signatory(SignatoryRole role, String name, String position) {
    public Signatory {
        Objects.requireNonNull(role, "role");
        name = name == null ? "" : name;
        position = position == null ? "" : position;
    }
}
