package io.sello.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Issue 14, point 7: {@code /error} is where the servlet container forwards a failed request (an ERROR
 * dispatch, which this filter leaves alone: OncePerRequestFilter skips error dispatches). Asked for
 * directly, Spring Boot's error controller found no error to describe and answered 500 with
 * {@code "status": 999}. It is not a resource of this service, so a direct request gets 404, as
 * problem+json like every other answer.
 */
@Component
class ErrorPathFilter extends OncePerRequestFilter {
    private final ProblemResponses problems = new ProblemResponses();
    private final String errorPath;

    ErrorPathFilter(@Value("${server.error.path:/error}") String errorPath) {
        this.errorPath = errorPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // only the path itself is open to anyone (SecurityConfiguration); below it, as anywhere, an
        // anonymous caller gets 401 before any resource is looked for
        return !request.getServletPath().equals(errorPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        problems.write(request, response, 404, "not-found", "Not Found", "no resource at " + errorPath);
    }
}
