package io.sello.form;

import java.util.regex.Pattern;

/** A POA activity code as printed in column (1), e.g. {@code 04.01.02.}. */
record ActivityCode(String value) {
    /** Groups of digits separated by dots, optionally ending in a dot (seed 000 writes "11.01.01."). */
    public static final Pattern FORMAT = Pattern.compile("\\d{1,4}(\\.\\d{1,4}){0,5}\\.?");

    public ActivityCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("activity code must look like 04.01.02.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
