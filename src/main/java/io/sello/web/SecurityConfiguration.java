package io.sello.web;

import io.github.bucket4j.TimeMeter;
import io.sello.signoff.Actor;
import io.sello.storage.DocumentRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what. Public: the document types, verification (a reviewer holding paper has no
 * account). Authenticated: rendering, validating, storing, the audit trail. Sign-offs also need
 * the step's role, checked by the sign-off service so that the refusal is audited.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (SecurityProperties.User user : properties.users()) {
            manager.createUser(User.withUsername(user.username()).password(user.password())
                    .roles(user.roles().toArray(String[]::new)).build());
        }
        return manager;
    }

    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties properties) {
        return new LoginThrottle(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, LoginThrottle throttle,
                            LoginThrottleProperties loginProperties, DocumentRegistry registry) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> problems.write(request, response, 401,
                        "unauthenticated", "Not authenticated", "send HTTP Basic credentials or an X-Api-Key header")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response, 401, "unauthenticated",
                                "Not authenticated", "send HTTP Basic credentials or an X-Api-Key header"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, 403, "forbidden",
                                "Forbidden", "your role does not allow this")))
                // the throttle first: a held-back attempt is answered 429 before any credential is checked
                .addFilterBefore(new LoginThrottleFilter(throttle, loginProperties, registry, problems, TimeMeter.SYSTEM_NANOTIME),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyFilter(properties.apiKeys(), problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.GET, "/api/v1/document-types", "/api/v1/document-types/**",
                                "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/verify/*", "/verify/*/pdf",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/", "/ui", "/ui/**", "/webjars/**",
                                "/api/v1/documents/*/verification").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/verify", "/verify/*/check").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /** The person or system behind a request, with the name and position their signature shows. */
    static Actor actor(Authentication authentication, SecurityProperties properties) {
        if (authentication == null || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getName())) {
            return Actor.ANONYMOUS;
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(role -> role.startsWith("ROLE_") ? role.substring(5) : role).collect(Collectors.toSet());
        return properties.users().stream().filter(u -> u.username().equals(authentication.getName())).findFirst()
                .map(u -> new Actor(u.username(), u.name(), u.position(), roles))
                .orElse(new Actor(authentication.getName(), authentication.getName(), "Sistema", roles));
    }
}
