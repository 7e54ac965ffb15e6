package io.sello.form;

import java.util.regex.Pattern;

/**
 * A "grupo de gasto" of the Bolivian budget classifier by object of expenditure: 10000 (servicios
 * personales), 20000 (servicios no personales), … 90000 (otros gastos).
 */
record ExpenseGroup(String code) {
    public static final Pattern FORMAT = Pattern.compile("[1-9]0000");

    public ExpenseGroup {
        if (code == null || !FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("expense group must be one of 10000, 20000, … 90000");
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
