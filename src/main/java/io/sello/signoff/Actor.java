package io.sello.signoff;

import java.util.Objects;
import java.util.Set;

/**
 * Who asks: a person (with the name and position their signature shows) or a system using an API key.
 *
 * @param roles  without the {@code ROLE_} prefix: PREPARER, REVIEWER, APPROVER, ADMIN
 * @param system a system authenticated by an API key: it never makes a personal sign-off, only the
 *               service seal (issue 16)
 */
public record Actor(String username, String name, String position, Set<String> roles, boolean system) {
    public static final Actor ANONYMOUS = new Actor("anonymous", "anonymous", "", Set.of());

    /** A person. */
    public Actor(String username, String name, String position, Set<String> roles) {
        this(username, name, position, roles, false);
    }

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        roles = Set.copyOf(roles);
    }
}
