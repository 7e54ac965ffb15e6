package io.sello.web;

import io.sello.SelloApplication;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile will not start with the development users, keys or keystore still in place. */
@SlowTest
class ProductionProfileTest {

    private static SpringApplicationBuilder app() {
        return new SpringApplicationBuilder(SelloApplication.class);
    }

    /** As command-line arguments, which take precedence over application.properties. */
    private static String[] args(String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:prod-" + System.nanoTime()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"));
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
        List<String> properties = new ArrayList<>(List.of(
                "sello.security.users[0].username=directora",
                "sello.security.users[0].name=Directora",
                "sello.security.users[0].roles=APPROVER",
                "sello.security.users[0].password={bcrypt}$2a$10$abcdefghijklmnopqrstuuJ1zD9o6uR7kq2v0nP6b6F8Vg5qV7a2",
                "sello.security.api-keys[0].name=sistema",
                "sello.security.api-keys[0].roles=PREPARER",
                "sello.security.api-keys[0].key=0123456789abcdef0123456789abcdef",
                "sello.batches.webhook-hosts=hooks.example.org"));
        properties.addAll(List.of(more));
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
                .satisfies(e -> assertThat(root(e).getMessage())
                        .contains(
                                "the prod profile refuses development credentials still in place: sello.security.users[0].password",
                                "sello.security.api-keys[0].key"));
    }

    @Test
    void theDevelopmentKeystorePasswordStopsItToo() {
        assertThatThrownBy(() -> app().profiles("prod")
                        .run(withProductionCredentials("sello.batches.webhook-secret=a-real-secret-of-some-length"))
                        .close())
                .satisfies(e -> assertThat(root(e).getMessage()).contains("sello.signing.password"));
    }

    @Test
    void theDevelopmentWebhookSecretStopsItToo() {
        assertThatThrownBy(() -> app().profiles("prod")
                        .run(withProductionCredentials("sello.signing.password=a-real-keystore-password"))
                        .close())
                .satisfies(e -> assertThat(root(e).getMessage()).contains("sello.batches.webhook-secret"));
    }

    /** Everything else in order, so that only the webhook allow-list can stop these starts. */
    private static String[] productionExceptWebhooks(String... more) {
        List<String> properties = new ArrayList<>(List.of(
                "sello.signing.password=a-real-keystore-password",
                "sello.batches.webhook-secret=a-real-secret-of-some-length"));
        properties.addAll(List.of(more));
        return withProductionCredentials(properties.toArray(String[]::new));
    }

    @Test
    void productionNeedsAnExplicitWebhookAllowList() {
        // withProductionCredentials sets a list; a later empty value would set an empty one, so start from the bare
        // arguments
        List<String> args = new ArrayList<>(List.of(productionExceptWebhooks()));
        args.removeIf(arg -> arg.startsWith("--sello.batches.webhook-hosts="));
        assertThatThrownBy(() ->
                        app().profiles("prod").run(args.toArray(String[]::new)).close())
                .satisfies(e -> assertThat(root(e).getMessage())
                        .contains("the prod profile requires an explicit sello.batches.webhook-hosts"));
    }

    @Test
    void productionRefusesLoopbackWebhookHostsUnlessAllowed() {
        assertThatThrownBy(() -> app().profiles("prod")
                        .run(productionExceptWebhooks(
                                "sello.batches.webhook-hosts=hooks.example.org,LOCALHOST,127.0.0.2,[::1]"))
                        .close())
                .satisfies(e -> assertThat(root(e).getMessage())
                        .isEqualTo("the prod profile refuses loopback hosts [LOCALHOST, 127.0.0.2, [::1]] "
                                + "in sello.batches.webhook-hosts unless sello.batches.allow-loopback-webhooks=true"));
    }

    /**
     * The refusals above are the only ones left: with them answered, prod passes every check of its own
     * and goes on to the keystore, which is missing here (a production keystore is not generated).
     */
    @Test
    void loopbackIsAcceptedWhenThePropertySaysSo() {
        assertThatThrownBy(() -> app().profiles("prod")
                        .run(productionExceptWebhooks(
                                "sello.batches.webhook-hosts=127.0.0.1",
                                "sello.batches.allow-loopback-webhooks=true",
                                "sello.signing.keystore=target/no-such-keystore.p12"))
                        .close())
                .satisfies(e -> assertThat(root(e).getMessage())
                        .contains("sello.signing.keystore")
                        .doesNotContain("webhook"));
    }

    /** Sign-in through an identity provider reached over plain HTTP would carry its tokens in clear. */
    @Test
    void productionRefusesAnIdentityProviderOverHttp() {
        assertThatThrownBy(() -> app().profiles("prod")
                        .run(productionExceptWebhooks(
                                "sello.security.oidc.enabled=true",
                                        "sello.security.oidc.issuer-uri=http://login.example.org/realms/sello",
                                "sello.security.oidc.client-id=sello",
                                        "sello.security.oidc.client-secret=a-real-client-secret"))
                        .close())
                .satisfies(e -> assertThat(root(e).getMessage())
                        .isEqualTo("the prod profile refuses sello.security.oidc.issuer-uri over http: use https"));
    }

    @Test
    void anIncompleteIdentityProviderNamesItsPropertyKey() {
        assertThatThrownBy(() -> app().run(args(
                                "sello.security.oidc.enabled=true",
                                "sello.security.oidc.issuer-uri=https://login.example.org/realms/sello"))
                        .close())
                .satisfies(e -> assertThat(root(e).getMessage())
                        .isEqualTo("sello.security.oidc.client-id is required when sello.security.oidc.enabled=true"));
        assertThatThrownBy(() -> app().run(args("sello.security.oidc.role-mapping.planificacion=SIGNER"))
                        .close())
                .satisfies(e -> assertThat(root(e).getMessage())
                        .contains("sello.security.oidc.role-mapping.planificacion: \"SIGNER\" is not one of"));
    }

    @Test
    void aBadInstanceNameNamesItsPropertyKey() {
        assertThatThrownBy(() -> app().run(args("sello.batches.instance-name=pid 1234@db-host.internal!"))
                        .close())
                .satisfies(e -> assertThat(root(e).getMessage())
                        .contains("sello.batches.instance-name must be 1 to 64 letters"));
    }

    @Test
    void aBadRoleNamesItsPropertyKey() {
        assertThatThrownBy(() -> app().run(args(
                                "sello.security.users[0].username=firmante",
                                "sello.security.users[0].name=Firmante",
                                "sello.security.users[0].password={noop}long-enough",
                                "sello.security.users[0].roles=SIGNER"))
                        .close())
                .satisfies(e -> assertThat(root(e).getMessage())
                        .contains("sello.security.users[0].roles: \"SIGNER\" is not one of"));
    }
}
