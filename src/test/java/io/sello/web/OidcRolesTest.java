package io.sello.web;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the identity provider's claim becomes Sello roles (README, "Signing in"); SignInTest runs the whole flow. */
class OidcRolesTest {

    private static OidcProperties oidc(String claim, Map<String, String> mapping) {
        return new OidcProperties(
                true,
                URI.create("https://login.example.org/realms/sello"),
                "sello",
                "secret",
                null,
                claim,
                mapping,
                null,
                null,
                null,
                "Identidad");
    }

    @Test
    void roleNamesAreTakenAsTheyAreAndAnythingElseIsIgnored() {
        assertThat(OidcSignIn.roles(
                        Map.of("roles", List.of("preparer", "REVIEWER", "ADMIN", "usuarios")), oidc(null, null)))
                .containsExactly("PREPARER", "REVIEWER");
        assertThat(OidcSignIn.roles(Map.of("roles", "APPROVER preparer"), oidc(null, null)))
                .containsExactly("APPROVER", "PREPARER");
        assertThat(OidcSignIn.roles(Map.of("groups", List.of("PREPARER")), oidc(null, null)))
                .as("another claim")
                .isEmpty();
    }

    @Test
    void aNestedClaimAndTheOrganisationsGroupNamesThroughTheMapping() {
        OidcProperties keycloak =
                oidc("realm_access.roles", Map.of("planificacion-tecnico", "preparer", "direccion", "APPROVER"));
        assertThat(OidcSignIn.roles(
                        Map.of("realm_access", Map.of("roles", List.of("direccion", "PREPARER", "offline_access"))),
                        keycloak))
                .as("with a mapping, only mapped names count")
                .containsExactly("APPROVER");
        assertThat(OidcSignIn.roles(Map.of("realm_access", List.of("x")), keycloak))
                .isEmpty();
    }
}
