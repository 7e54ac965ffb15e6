package io.sello.signoff;

import java.util.Objects;
import java.util.Set;

/**
 * Who asks: a person (with the name and position their signature shows) or a system using an API key.
 *
 * @param roles without the {@code ROLE_} prefix: PREPARER, REVIEWER, APPROVER, ADMIN
 */
public record Actor(String username, String name, String position, Set<String> roles) {
    public static final Actor ANONYMOUS = new Actor("anonymous", "anonymous", "", Set.of());

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        roles = Set.copyOf(roles);
    }
}
