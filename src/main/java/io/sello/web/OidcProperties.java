package io.sello.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code sello.security.oidc.*}: sign-in through the organisation's identity provider (OpenID Connect,
 * authorization code flow). Off by default, so the embedded defaults need no identity provider. When on,
 * the provider's discovery document ({@code issuer-uri}/.well-known/openid-configuration) is read at
 * start-up, and a bad or missing value stops start-up naming its key.
 *
 * <p>Sello's roles come from one claim of the ID token (or user info): {@code roles-claim}, a list or a
 * space- or comma-separated string, dotted for a nested claim ({@code realm_access.roles} in Keycloak).
 * Each value is looked up in {@code role-mapping} (the organisation's group name → a Sello role); without
 * a mapping, values that are Sello role names (any case) are taken as they are. A person with none of
 * them is refused: an organisation's whole directory must not be able to issue documents.
 *
 * @param providerName  shown on the login page as "Entrar con &lt;provider-name&gt;"
 * @param usernameClaim the account name kept in the audit trail and as owner of drafts; {@code sub} when absent
 * @param nameClaim     the name printed in the signature (NOMBRE)
 * @param positionClaim the position printed under it (CARGO); blank when the token has none
 */
@ConfigurationProperties("sello.security.oidc")
public record OidcProperties(
        boolean enabled,
        URI issuerUri,
        String clientId,
        String clientSecret,
        String scopes,
        String rolesClaim,
        Map<String, String> roleMapping,
        String usernameClaim,
        String nameClaim,
        String positionClaim,
        String providerName) {
    /** The roles an identity provider may grant: the three sign-off steps. ADMIN stays a local account. */
    static final Set<String> ROLES = Set.of("PREPARER", "REVIEWER", "APPROVER");

    static final String REGISTRATION_ID = "organizacion";

    public OidcProperties {
        scopes = blank(scopes) ? "openid,profile" : scopes;
        rolesClaim = blank(rolesClaim) ? "roles" : rolesClaim.trim();
        usernameClaim = blank(usernameClaim) ? "preferred_username" : usernameClaim.trim();
        nameClaim = blank(nameClaim) ? "name" : nameClaim.trim();
        positionClaim = blank(positionClaim) ? "position" : positionClaim.trim();
        providerName = blank(providerName) ? "su organización" : providerName.trim();
        Map<String, String> mapping = new LinkedHashMap<>();
        if (roleMapping != null) {
            roleMapping.forEach((group, role) -> {
                String sello = role == null ? "" : role.trim().toUpperCase(Locale.ROOT);
                require(
                        ROLES.contains(sello),
                        "sello.security.oidc.role-mapping." + group + ": \"" + role + "\" is not one of " + ROLES);
                mapping.put(group, sello);
            });
        }
        roleMapping = Map.copyOf(mapping);
        if (enabled) {
            require(
                    issuerUri != null
                            && issuerUri.isAbsolute()
                            && issuerUri.getHost() != null
                            && ("https".equals(issuerUri.getScheme()) || "http".equals(issuerUri.getScheme())),
                    "sello.security.oidc.issuer-uri must be the provider's absolute http(s) issuer URL");
            require(
                    !blank(clientId),
                    "sello.security.oidc.client-id is required when sello.security.oidc.enabled=true");
            require(
                    !blank(clientSecret),
                    "sello.security.oidc.client-secret is required when sello.security.oidc.enabled=true");
            require(
                    Arrays.asList(scopes.split("\\s*,\\s*")).contains("openid"),
                    "sello.security.oidc.scopes must include openid");
            require(providerName.length() <= 60, "sello.security.oidc.provider-name must have at most 60 characters");
        }
    }

    /** The prod profile refuses an identity provider reached over plain HTTP: its tokens would travel in clear. */
    public String productionRefusal() {
        return enabled && "http".equals(issuerUri.getScheme())
                ? "the prod profile refuses sello.security.oidc.issuer-uri over http: use https"
                : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
