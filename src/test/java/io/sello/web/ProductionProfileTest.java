package io.sello.web;

import io.sello.SelloApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile will not start with the development users, keys or keystore still in place. */
class ProductionProfileTest {

    private static SpringApplicationBuilder app() {
        return new SpringApplicationBuilder(SelloApplication.class);
    }

    /** As command-line arguments, which take precedence over application.properties. */
    private static String[] args(String... properties) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:prod-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return args.toArray(String[]::new);
    }

    /**
     * Non-development users and API key (a configured list replaces the default one as a whole: Spring
     * Boot does not merge lists), plus {@code more}.
     */
    private static String[] withProductionCredentials(String... more) {
        java.util.List<String> properties = new java.util.ArrayList<>(java.util.List.of(
                "sello.security.users[0].username=directora", "sello.security.users[0].name=Directora",
                "sello.security.users[0].roles=APPROVER",
                "sello.security.users[0].password={bcrypt}$2a$10$abcdefghijklmnopqrstuuJ1zD9o6uR7kq2v0nP6b6F8Vg5qV7a2",
                "sello.security.api-keys[0].name=sistema", "sello.security.api-keys[0].roles=PREPARER",
                "sello.security.api-keys[0].key=0123456789abcdef0123456789abcdef"));
        properties.addAll(java.util.List.of(more));
        return args(properties.toArray(String[]::new));
    }

    private static Throwable root(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void developmentCredentialsStopAProductionStart() {
        assertThatThrownBy(() -> app().profiles("prod").run(args()).close())
                .satisfies(e -> assertThat(root(e).getMessage()).contains(
                        "the prod profile refuses development credentials still in place: sello.security.users[0].password",
                        "sello.security.api-keys[0].key"));
    }

    @Test
    void theDevelopmentKeystorePasswordStopsItToo() {
        assertThatThrownBy(() -> app().profiles("prod").run(withProductionCredentials(
                "sello.batches.webhook-secret=a-real-secret-of-some-length")).close())
                .satisfies(e -> assertThat(root(e).getMessage()).contains("sello.signing.password"));
    }

    @Test
    void theDevelopmentWebhookSecretStopsItToo() {
        assertThatThrownBy(() -> app().profiles("prod").run(withProductionCredentials(
                "sello.signing.password=a-real-keystore-password")).close())
                .satisfies(e -> assertThat(root(e).getMessage()).contains("sello.batches.webhook-secret"));
    }

    @Test
    void aBadRoleNamesItsPropertyKey() {
        assertThatThrownBy(() -> app().run(args("sello.security.users[0].username=firmante", "sello.security.users[0].name=Firmante",
                "sello.security.users[0].password={noop}long-enough", "sello.security.users[0].roles=SIGNER")).close())
                .satisfies(e -> assertThat(root(e).getMessage()).contains("sello.security.users[0].roles: \"SIGNER\" is not one of"));
    }
}
