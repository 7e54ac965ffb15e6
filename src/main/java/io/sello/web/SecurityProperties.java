package io.sello.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sello.security.*}: the people who sign (HTTP Basic) and the systems that post data (API keys
 * in the {@code X-Api-Key} header). Roles: PREPARER, REVIEWER, APPROVER, ADMIN. The embedded defaults
 * are development users and keys, documented in the README; the {@code prod} profile refuses to
 * start while any of them is still in place ({@link #developmentDefaultsInUse()}).
 */
@ConfigurationProperties("sello.security")
public record SecurityProperties(List<User> users, List<ApiKey> apiKeys) {
    static final Set<String> ROLES = Set.of("PREPARER", "REVIEWER", "APPROVER", "ADMIN");
    /** The passwords and keys shipped in application.properties, known to everyone who reads the README. */
    static final Set<String> DEVELOPMENT_SECRETS = Set.of(
            "{noop}ana-dev", "{noop}luis-dev", "{noop}rosa-dev", "{noop}admin-dev", "dev-api-key-not-for-production");

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            String key = "sello.security.users[" + i + "]";
            require(
                    user.username() != null && user.username().matches("[a-z0-9._-]{1,100}"),
                    key + ".username must be 1-100 of a-z 0-9 . _ -");
            require(names.add(user.username()), key + ".username \"" + user.username() + "\" is used twice");
            require(
                    user.password() != null && user.password().length() >= 8,
                    key + ".password must have at least 8 characters");
            require(user.name() != null && !user.name().isBlank(), key + ".name (shown in the signature) is required");
            roles(key, user.roles());
        }
        for (int i = 0; i < apiKeys.size(); i++) {
            ApiKey apiKey = apiKeys.get(i);
            String key = "sello.security.api-keys[" + i + "]";
            require(
                    apiKey.name() != null && apiKey.name().matches("[a-z0-9._-]{1,100}"),
                    key + ".name must be 1-100 of a-z 0-9 . _ -");
            require(names.add(apiKey.name()), key + ".name \"" + apiKey.name() + "\" is already a user or key name");
            require(apiKey.key() != null && apiKey.key().length() >= 24, key + ".key must have at least 24 characters");
            roles(key, apiKey.roles());
        }
    }

    private static void roles(String key, List<String> roles) {
        require(roles != null && !roles.isEmpty(), key + ".roles must name at least one of " + ROLES);
        for (String role : roles) {
            require(ROLES.contains(role), key + ".roles: \"" + role + "\" is not one of " + ROLES);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The property keys that still hold a development password or key. */
    public List<String> developmentDefaultsInUse() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            if (DEVELOPMENT_SECRETS.contains(users.get(i).password())) {
                keys.add("sello.security.users[" + i + "].password");
            }
        }
        for (int i = 0; i < apiKeys.size(); i++) {
            if (DEVELOPMENT_SECRETS.contains(apiKeys.get(i).key())) {
                keys.add("sello.security.api-keys[" + i + "].key");
            }
        }
        return keys;
    }

    /**
     * @param password as Spring Security stores it: {@code {bcrypt}…} in production, {@code {noop}…} in development
     * @param name     shown in the visible signature
     * @param position shown under the name (cargo)
     */
    public record User(String username, String password, List<String> roles, String name, String position) {
        public User {
            position = position == null ? "" : position;
            roles = roles == null ? null : List.copyOf(roles);
        }
    }

    public record ApiKey(String name, String key, List<String> roles) {
        public ApiKey {
            roles = roles == null ? null : List.copyOf(roles);
        }
    }
}
