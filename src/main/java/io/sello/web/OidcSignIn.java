package io.sello.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sign-in through the organisation's identity provider (OpenID Connect), when
 * {@code sello.security.oidc.enabled=true}: the client registration, read from the provider's discovery
 * document at start-up, and how a signed-in person's claims become Sello roles and the name and position
 * their signature shows.
 */
@Configuration(proxyBeanMethods = false)
class OidcSignIn {
    /** Refused sign-ins go back to the login page with this code, which the page explains in Spanish. */
    static final String NO_ROLE = "sin_rol";

    @Bean
    @ConditionalOnProperty(prefix = "sello.security.oidc", name = "enabled", havingValue = "true")
    ClientRegistrationRepository clientRegistrations(OidcProperties oidc) {
        ClientRegistration registration;
        try {
            registration = ClientRegistrations.fromIssuerLocation(
                            oidc.issuerUri().toString())
                    .registrationId(OidcProperties.REGISTRATION_ID)
                    .clientId(oidc.clientId())
                    .clientSecret(oidc.clientSecret())
                    .scope(List.of(oidc.scopes().trim().split("\\s*,\\s*")))
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .clientName(oidc.providerName())
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "sello.security.oidc.issuer-uri: the provider's discovery document could not be read from "
                            + oidc.issuerUri() + " (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** The provider's user, with Sello roles as its only authorities and the configured claim as its name. */
    static OAuth2UserService<OidcUserRequest, OidcUser> userService(OidcProperties oidc) {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            Set<String> roles = roles(user.getClaims(), oidc);
            if (roles.isEmpty()) {
                throw new OAuth2AuthenticationException(
                        new OAuth2Error(NO_ROLE, "no Sello role in claim " + oidc.rolesClaim(), null));
            }
            var authorities = roles.stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            String nameKey = user.getClaims().get(oidc.usernameClaim()) instanceof String s && !s.isBlank()
                    ? oidc.usernameClaim()
                    : "sub";
            Signer signer = new Signer(authorities, user, nameKey, "", "");
            String name = user.getClaims().get(oidc.nameClaim()) instanceof String s && !s.isBlank()
                    ? s.trim()
                    : signer.getName();
            String position = user.getClaims().get(oidc.positionClaim()) instanceof String s ? s.trim() : "";
            return new Signer(authorities, user, nameKey, name, position);
        };
    }

    /**
     * A person signed in through the provider, with the name and position their signature shows, read from
     * the configured claims once, at sign-in (the session keeps them).
     */
    static final class Signer extends DefaultOidcUser {
        private final String displayName;
        private final String position;

        Signer(
                Collection<SimpleGrantedAuthority> authorities,
                OidcUser user,
                String nameKey,
                String displayName,
                String position) {
            super(authorities, user.getIdToken(), user.getUserInfo(), nameKey);
            this.displayName = displayName;
            this.position = position;
        }

        String displayName() {
            return displayName;
        }

        String position() {
            return position;
        }

        @Override
        public boolean equals(Object other) {
            return super.equals(other);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }

    /** The Sello roles granted by the configured claim (dotted for a nested one), through the mapping when there is one. */
    static Set<String> roles(Map<String, Object> claims, OidcProperties oidc) {
        Object value = claims;
        for (String part : oidc.rolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> values.add(String.valueOf(item)));
        } else if (value instanceof String text) {
            values.addAll(List.of(text.trim().split("[\\s,]+")));
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String granted : values) {
            String role = oidc.roleMapping().isEmpty()
                    ? granted.trim().toUpperCase(Locale.ROOT)
                    : oidc.roleMapping().get(granted);
            if (role != null && OidcProperties.ROLES.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }
}
