package io.sello.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.List;

/** Systems authenticate with {@code X-Api-Key}; a wrong key is a 401, never a fall-through to anonymous. */
final class ApiKeyFilter extends OncePerRequestFilter {
    /**
     * The principal of a request made with an API key: what marks the caller as a system, which never makes a
     * personal sign-off (issue 16). Its name is the key's name, as before.
     */
    record SystemCaller(String name) implements Principal {
        @Override
        public String getName() {
            return name;
        }
    }

    static final String HEADER = "X-Api-Key";
    private final List<SecurityProperties.ApiKey> keys;
    private final ProblemResponses problems;

    ApiKeyFilter(List<SecurityProperties.ApiKey> keys, ProblemResponses problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null) {
            SecurityProperties.ApiKey match = null;
            for (SecurityProperties.ApiKey key : keys) {
                // constant time, so the comparison does not leak how much of a key was right
                if (MessageDigest.isEqual(
                        key.key().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
                    match = key;
                }
            }
            if (match == null) {
                problems.write(
                        response, 401, "unauthenticated", "Not authenticated", HEADER + ": the API key is not known");
                return;
            }
            var authorities = match.roles().stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            new SystemCaller(match.name()), null, authorities));
        }
        chain.doFilter(request, response);
    }
}
