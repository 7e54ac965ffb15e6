package io.sello.support;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.List;
import java.util.UUID;

/**
 * A real OpenID Connect provider for the sign-in tests: Spring Authorization Server in its own Spring
 * application and Tomcat, on a random port of {@code localhost}, with its own login form. Sello is then
 * opened at {@code 127.0.0.1}, so that the two services' session cookies (cookies ignore ports) live on
 * different hosts and never overwrite each other.
 *
 * <p>One registered client ({@link #CLIENT_ID}), redirecting to Sello on any loopback port (RFC 8252 §7.3:
 * Spring Authorization Server ignores the port of a {@code 127.0.0.1} redirect URI), and one person,
 * {@link #USER}, whose ID token says {@code roles: ["PREPARER"]}, her name and her position.
 *
 * <p>Not a Spring {@code @Configuration}: Sello's component scan covers this package and must not find it.
 */
public final class IdentityProvider implements AutoCloseable {
    public static final String CLIENT_ID = "sello";
    public static final String CLIENT_SECRET = "secreto-de-prueba-para-sello";
    public static final String USER = "carla";
    public static final String PASSWORD = "carla-en-el-proveedor";
    public static final String NAME = "Carla Mendoza";
    public static final String POSITION = "Analista de Presupuesto";
    public static final String NO_ROLE_USER = "pedro";

    private final ConfigurableApplicationContext context;

    private IdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static IdentityProvider start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Server.class)
                .web(WebApplicationType.SERVLET)
                // not Sello's application.properties: this is another service
                .properties(
                        "spring.config.name=identity-provider-for-tests",
                        "server.port=0",
                        "server.servlet.session.cookie.name=IDP_SESSION",
                        "spring.main.banner-mode=off",
                        "logging.structured.format.console=")
                .run();
        return new IdentityProvider(context);
    }

    /** The issuer as Sello and the browser see it: the {@code localhost} host name, not Sello's {@code 127.0.0.1}. */
    public String issuer() {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    @ImportAutoConfiguration({
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class,
        OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class
    })
    static class Server {
        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(
                    RegisteredClient.withId(UUID.randomUUID().toString())
                            .clientId(CLIENT_ID)
                            .clientSecret("{noop}" + CLIENT_SECRET)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .redirectUri("http://127.0.0.1/login/oauth2/code/organizacion")
                            .scope(OidcScopes.OPENID)
                            .scope(OidcScopes.PROFILE)
                            .clientSettings(ClientSettings.builder()
                                    .requireAuthorizationConsent(false)
                                    .build())
                            .build());
        }

        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(
                    User.withUsername(USER)
                            .password("{noop}" + PASSWORD)
                            .roles("USER")
                            .build(),
                    User.withUsername(NO_ROLE_USER)
                            .password("{noop}" + PASSWORD)
                            .roles("USER")
                            .build());
        }

        /** What the organisation's directory says about each person, in the ID token. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                if (!"id_token".equals(context.getTokenType().getValue())) {
                    return;
                }
                String who = context.getPrincipal().getName();
                context.getClaims().claim("preferred_username", who);
                if (USER.equals(who)) {
                    context.getClaims()
                            .claim("roles", List.of("PREPARER", "usuarios-intranet"))
                            .claim("name", NAME)
                            .claim("position", POSITION);
                } else {
                    context.getClaims()
                            .claim("roles", List.of("usuarios-intranet"))
                            .claim("name", "Pedro Rojas");
                }
            };
        }
    }
}
