package io.sello.web;

import io.github.bucket4j.TimeMeter;
import io.sello.signoff.Actor;
import io.sello.storage.DocumentRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Who may do what. Public: the document types, verification (a reviewer holding paper has no
 * account), the staff pages themselves and the login page. Authenticated: rendering, validating, storing,
 * the audit trail. Sign-offs also need the step's role, checked by the sign-off service so that the
 * refusal is audited.
 *
 * <p>Two ways in, two filter chains (issue 15, point 4):
 * <ul>
 *   <li><b>systems</b>: a request carrying {@code Authorization} (HTTP Basic) or {@code X-Api-Key}. Stateless:
 *       no session is created or read, and no CSRF token is asked for, because a browser cannot send either
 *       header to another site without a CORS preflight, which this service never grants. (The pages never
 *       get a Basic challenge, see {@link ProblemResponses}, so a browser has no cached Basic credentials to
 *       send on its own.)</li>
 *   <li><b>people</b>: everything else. The login page ({@code /login}, form login) or the organisation's
 *       identity provider (OpenID Connect, {@link OidcSignIn}) starts a session held in an HttpOnly,
 *       SameSite=Lax cookie ({@code server.servlet.session.cookie.*}, Secure in the prod profile). A request
 *       that carries that cookie and changes state (POST, PUT, PATCH, DELETE) must send the CSRF token: the
 *       {@code XSRF-TOKEN} cookie's value in the {@code X-XSRF-TOKEN} header (sello.js does this), or the
 *       {@code _csrf} field of the login form. Without it: 403 problem+json with a Spanish detail.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    static final String LOGIN = "/login";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (SecurityProperties.User user : properties.users()) {
            manager.createUser(User.withUsername(user.username())
                    .password(user.password())
                    .roles(user.roles().toArray(String[]::new))
                    .build());
        }
        return manager;
    }

    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties properties) {
        return new LoginThrottle(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    /** One throttle filter (and one audit-row budget) for both chains: Basic and API keys, and the login form. */
    @Bean
    LoginThrottleFilter loginThrottleFilter(
            LoginThrottle throttle, LoginThrottleProperties properties, DocumentRegistry registry) {
        return new LoginThrottleFilter(
                throttle, properties, registry, new ProblemResponses(), TimeMeter.SYSTEM_NANOTIME);
    }

    /** It runs inside the security chains only, not a second time as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilterNotAServletFilter(LoginThrottleFilter filter) {
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    private static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize) {
        authorize
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/document-types",
                        "/api/v1/document-types/**",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/prometheus",
                        "/verify/*",
                        "/verify/*/pdf",
                        "/verify/*/datos.json",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/",
                        "/favicon.ico",
                        "/ui",
                        "/ui/**",
                        "/webjars/**",
                        LOGIN,
                        "/api/v1/me",
                        "/api/v1/documents/*/verification")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/verify", "/verify/*/check")
                .permitAll()
                .requestMatchers("/error")
                .permitAll()
                .anyRequest()
                .authenticated();
    }

    /** Systems: HTTP Basic or an API key, stateless, no CSRF (see the class comment). */
    @Bean
    @Order(1)
    SecurityFilterChain systems(HttpSecurity http, SecurityProperties properties, LoginThrottleFilter throttle)
            throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.securityMatcher(request ->
                        request.getHeader("Authorization") != null || request.getHeader(ApiKeyFilter.HEADER) != null)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> problems.write(
                        request,
                        response,
                        401,
                        "unauthenticated",
                        "Not authenticated",
                        "send HTTP Basic credentials or an X-Api-Key header")))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                                (request, response, e) -> problems.write(
                                        request,
                                        response,
                                        401,
                                        "unauthenticated",
                                        "Not authenticated",
                                        "send HTTP Basic credentials or an X-Api-Key header"))
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                request, response, 403, "forbidden", "Forbidden", "your role does not allow this")))
                // the throttle first: a held-back attempt is answered 429 before any credential is checked
                .addFilterBefore(throttle, BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyFilter(properties.apiKeys(), problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(SecurityConfiguration::authorize);
        return http.build();
    }

    /** People: the login page or the identity provider, a session cookie, CSRF tokens (see the class comment). */
    @Bean
    @Order(2)
    SecurityFilterChain people(
            HttpSecurity http,
            LoginThrottleFilter throttle,
            OidcProperties oidc,
            ObjectProvider<ClientRegistrationRepository> identityProvider,
            @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies)
            throws Exception {
        ProblemResponses problems = new ProblemResponses();
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(
                cookie -> cookie.sameSite("Lax").secure(secureCookies).path("/"));
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (isNavigation(request)) {
                response.sendRedirect(LOGIN);
            } else if (request.getHeader("X-Requested-With") != null) {
                problems.write(
                        request,
                        response,
                        401,
                        "unauthenticated",
                        "Not authenticated",
                        "Su sesión no está iniciada o ha caducado: vuelva a entrar.");
            } else {
                problems.write(
                        request,
                        response,
                        401,
                        "unauthenticated",
                        "Not authenticated",
                        "send HTTP Basic credentials or an X-Api-Key header, or sign in at " + LOGIN);
            }
        };
        // only a browser sent to the login page needs to be sent back: an anonymous API call must not make a session
        HttpSessionRequestCache returnTo = new HttpSessionRequestCache();
        returnTo.setRequestMatcher(SecurityConfiguration::isNavigation);
        http.securityMatcher(request -> true)
                .requestCache(cache -> cache.requestCache(returnTo))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .csrf(csrf -> csrf.csrfTokenRepository(tokens)
                        .csrfTokenRequestHandler(new PageCsrfTokens())
                        .requireCsrfProtectionMatcher(needsCsrfToken(sessionCookie)))
                .addFilterAfter(new CsrfCookieForPages(), CsrfFilter.class)
                .formLogin(form -> form.loginPage(LOGIN)
                        .permitAll()
                        .successHandler(backToWhereTheyWere())
                        .failureHandler(failed("error")))
                .logout(logout -> logout.logoutUrl("/logout")
                        .deleteCookies(sessionCookie)
                        .logoutSuccessHandler((request, response, authentication) -> {
                            if (request.getHeader("X-Requested-With") != null) {
                                response.setStatus(204);
                            } else {
                                response.sendRedirect("/");
                            }
                        }))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException && LOGIN.equals(request.getServletPath())) {
                                response.sendRedirect(LOGIN + "?error=caducada");
                            } else if (e instanceof CsrfException) {
                                problems.write(
                                        request,
                                        response,
                                        403,
                                        "csrf-token-missing",
                                        "CSRF token missing or invalid",
                                        "Falta el token de seguridad de la sesión (CSRF) o no es válido: vuelva a cargar la página"
                                                + " e inténtelo de nuevo. Los sistemas envían Authorization o X-Api-Key y no lo necesitan.");
                            } else {
                                problems.write(
                                        request,
                                        response,
                                        403,
                                        "forbidden",
                                        "Forbidden",
                                        "Su rol no permite esta acción.");
                            }
                        }))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(SecurityConfiguration::authorize);
        ClientRegistrationRepository registrations = identityProvider.getIfAvailable();
        if (registrations != null) {
            http.oauth2Login(login -> login.loginPage(LOGIN)
                    .clientRegistrationRepository(registrations)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(OidcSignIn.userService(oidc)))
                    .successHandler(backToWhereTheyWere())
                    .failureHandler(failed("oidc")));
        }
        return http.build();
    }

    /** A browser opening a protected address (not the pages' own calls): it is sent to the login page. */
    private static boolean isNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod())
                && request.getHeader("X-Requested-With") == null
                && accept != null
                && accept.contains("text/html");
    }

    /**
     * A state-changing request with the session cookie needs the token; so do sign-in and sign-out
     * themselves (login CSRF: another site must not sign a person in as someone else). Anonymous calls
     * without a session have no ambient authority to abuse, and {@code POST /api/v1/verify} is a public
     * check that changes nothing.
     */
    private static RequestMatcher needsCsrfToken(String sessionCookie) {
        return request -> {
            if (SAFE_METHODS.contains(request.getMethod())) {
                return false;
            }
            String path = request.getServletPath();
            if (LOGIN.equals(path) || "/logout".equals(path)) {
                return true;
            }
            // checking a file changes nothing: the verification page's upload works with or without a session
            if ("/api/v1/verify".equals(path) || path.matches("/verify/[^/]+/check")) {
                return false;
            }
            Cookie[] cookies = request.getCookies();
            if (cookies != null) {
                for (Cookie cookie : cookies) {
                    if (sessionCookie.equals(cookie.getName())) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /** After signing in: the page named by {@code continue}, else the protected address that sent the person here, else home. */
    private static AuthenticationSuccessHandler backToWhereTheyWere() {
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl("/ui/index.html");
        return (request, response, authentication) -> {
            request.setAttribute(LoginThrottleFilter.FORM_LOGIN_SUCCEEDED, Boolean.TRUE);
            String target = LoginPageController.safeContinue(request.getParameter(LoginPageController.CONTINUE));
            var session = request.getSession(false);
            if (target == null && session != null) {
                target = LoginPageController.safeContinue(
                        (String) session.getAttribute(LoginPageController.CONTINUE_AFTER_OIDC));
            }
            if (session != null) {
                session.removeAttribute(LoginPageController.CONTINUE_AFTER_OIDC);
            }
            if (target != null) {
                response.sendRedirect(target);
            } else {
                saved.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /** A failed sign-in goes back to the login page, keeping where to go afterwards; the throttle counts it. */
    private static AuthenticationFailureHandler failed(String code) {
        return (request, response, exception) -> {
            request.setAttribute(LoginThrottleFilter.FORM_LOGIN_FAILED, Boolean.TRUE);
            String error = exception instanceof OAuth2AuthenticationException oauth
                            && OidcSignIn.NO_ROLE.equals(oauth.getError().getErrorCode())
                    ? OidcSignIn.NO_ROLE
                    : code;
            String target = LoginPageController.safeContinue(request.getParameter(LoginPageController.CONTINUE));
            response.sendRedirect(LOGIN + "?error=" + error
                    + (target == null
                            ? ""
                            : "&" + LoginPageController.CONTINUE + "="
                                    + URLEncoder.encode(target, StandardCharsets.UTF_8)));
        };
    }

    /**
     * The token travels two ways: the pages' scripts copy the {@code XSRF-TOKEN} cookie into the
     * {@code X-XSRF-TOKEN} header as it is; the login form's {@code _csrf} field carries the masked value
     * (a new mask per page, so the page never repeats a secret byte for byte: BREACH).
     */
    static final class PageCsrfTokens implements CsrfTokenRequestHandler {
        private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
        private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            masked.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            return StringUtils.hasText(request.getHeader(token.getHeaderName()))
                    ? plain.resolveCsrfTokenValue(request, token)
                    : masked.resolveCsrfTokenValue(request, token);
        }
    }

    /**
     * Spring Security writes the {@code XSRF-TOKEN} cookie only when a token is used. The pages' own calls
     * (they send {@code X-Requested-With}) load it, so that a page has the cookie before its first POST,
     * also after signing in, which replaces the token. Other callers (curl, systems) get no cookie.
     */
    static final class CsrfCookieForPages extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getHeader("X-Requested-With") != null) {
                CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
                if (token != null) {
                    token.getToken();
                }
            }
            chain.doFilter(request, response);
        }
    }

    /** The person or system behind a request, with the name and position their signature shows. */
    static Actor actor(Authentication authentication, SecurityProperties properties) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getName())) {
            return Actor.ANONYMOUS;
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(role -> role.startsWith("ROLE_"))
                .map(role -> role.substring(5))
                .collect(Collectors.toSet());
        if (authentication.getPrincipal() instanceof OidcSignIn.Signer signer) {
            return new Actor(signer.getName(), signer.displayName(), signer.position(), roles);
        }
        if (authentication.getPrincipal() instanceof ApiKeyFilter.SystemCaller system) {
            return new Actor(system.name(), system.name(), "Sistema", roles, true);
        }
        return properties.users().stream()
                .filter(u -> u.username().equals(authentication.getName()))
                .findFirst()
                .map(u -> new Actor(u.username(), u.name(), u.position(), roles))
                .orElse(new Actor(authentication.getName(), authentication.getName(), "Sistema", roles));
    }
}
