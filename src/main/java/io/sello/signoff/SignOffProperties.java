package io.sello.signoff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sello.signoff.*}, bound (and so checked) at start-up: a value that is not {@code true} or
 * {@code false} stops the service with a message naming the key.
 *
 * @param separateDuties the three steps of one document are signed by three different people, so that a
 *                       user holding several roles takes only one step per document (issue 16, point 1:
 *                       the approval must not be the preparer's own). Default {@code true}; turn it off only
 *                       where one official legitimately does everything, such as a one-person office
 */
@ConfigurationProperties("sello.signoff")
record SignOffProperties(Boolean separateDuties) {
    public SignOffProperties {
        separateDuties = separateDuties == null ? Boolean.TRUE : separateDuties;
    }

    /** The defaults: duties separated. */
    public static SignOffProperties defaults() {
        return new SignOffProperties(null);
    }
}
