package io.sello.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.sello.storage.DocumentRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs before the API-key and HTTP Basic filters, and before the login form's filter (the same instance in
 * both security chains, one audit budget): an attempt from a user name or address that
 * {@link LoginThrottle} holds back gets 429 at once, without its credentials being checked (so the right
 * password is refused during a lock-out too). After the chain, a 401 to a request that carried
 * credentials, or a login form refused by its failure handler ({@link #FORM_LOGIN_FAILED}), is a failed sign-in: it is counted, logged in one line (the user name tried, sanitised,
 * and the client address; never the password) and audited as action {@code login}, result {@code refused}.
 *
 * <p>The audit must not become the next unbounded table: a row is written only for the first failure
 * of a user name or an address in a row, and for each lock-out, and at most {@code audit-per-hour} rows
 * an hour in all (a Bucket4j bucket); rows that the cap drops are counted in the next row written. The
 * log has one line per failure, but failures themselves are bounded by the throttle, and the 429s
 * it answers are not logged one by one.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {
    /** Set by the login form's failure handler: a form login answers a redirect, not a 401. */
    static final String FORM_LOGIN_FAILED = LoginThrottleFilter.class.getName() + ".failed";
    /** Set by its success handler: only a sign-in that really succeeded clears the user name's failures. */
    static final String FORM_LOGIN_SUCCEEDED = LoginThrottleFilter.class.getName() + ".succeeded";

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);
    private final LoginThrottle throttle;
    private final DocumentRegistry registry;
    private final ProblemResponses problems;
    private final Bucket auditRows;
    private final AtomicLong notAudited = new AtomicLong();

    LoginThrottleFilter(
            LoginThrottle throttle,
            LoginThrottleProperties properties,
            DocumentRegistry registry,
            ProblemResponses problems,
            TimeMeter clock) {
        this.throttle = throttle;
        this.registry = registry;
        this.problems = problems;
        this.auditRows = Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.auditPerHour())
                        .refillGreedy(properties.auditPerHour(), Duration.ofHours(1)))
                .withCustomTimePrecision(clock)
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        boolean apiKey = request.getHeader(ApiKeyFilter.HEADER) != null;
        boolean form = !basic
                && !apiKey
                && "POST".equals(request.getMethod())
                && SecurityConfiguration.LOGIN.equals(request.getServletPath());
        if (!basic && !apiKey && !form) {
            chain.doFilter(request, response);
            return;
        }
        String user = basic ? userName(authorization) : form ? request.getParameter("username") : null;
        String address = request.getRemoteAddr();
        LoginThrottle.Attempt attempt = throttle.begin(user, address);
        LoginThrottle.Refusal refusal = attempt.refusal();
        if (refusal != null) {
            long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", String.valueOf(seconds));
            if (form && accepts(request, "text/html")) {
                waitPage(response, seconds);
                return;
            }
            String who = refusal.perUser() ? "this user name" : "this client address";
            problems.write(
                    request,
                    response,
                    429,
                    "too-many-failed-logins",
                    "Too many failed sign-ins",
                    (refusal.lockedOut()
                                    ? "too many failed sign-ins for " + who
                                            + ": locked out; no credentials are checked until it ends"
                                    : "too many failed sign-ins for " + who + ": wait before trying again")
                            + "; try again in " + seconds + " s (Retry-After)");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (form ? request.getAttribute(FORM_LOGIN_FAILED) != null : response.getStatus() == 401) {
                failed(attempt, user, basic ? "HTTP Basic" : form ? "login form" : ApiKeyFilter.HEADER, address);
            } else {
                boolean signedIn = basic || (form && request.getAttribute(FORM_LOGIN_SUCCEEDED) != null);
                throttle.passed(attempt, signedIn ? user : null);
            }
        }
    }

    private void failed(LoginThrottle.Attempt attempt, String user, String method, String address) {
        LoginThrottle.Failure failure = throttle.failed(attempt, user, address);
        String name = user == null ? "-" : sanitised(user);
        String lock = failure.userLockedNow()
                ? "; user name locked out"
                : failure.addressLockedNow() ? "; address locked out" : "";
        log.warn(
                "login refused: user \"{}\" from {} by {} (failure {} of this user name, {} of this address{})",
                name,
                address,
                method,
                failure.userFailures(),
                failure.addressFailures(),
                lock);
        boolean worthARow = failure.firstOfUser()
                || (user == null && failure.firstOfAddress())
                || failure.userLockedNow()
                || failure.addressLockedNow();
        if (!worthARow) {
            return;
        }
        if (!auditRows.tryConsume(1)) {
            notAudited.incrementAndGet();
            return;
        }
        long dropped = notAudited.getAndSet(0);
        String detail = "failed sign-in by " + method + " from " + address
                + (failure.userLockedNow()
                        ? "; user name locked out after " + failure.userFailures() + " failures"
                        : "")
                + (failure.addressLockedNow()
                        ? "; address locked out after " + failure.addressFailures() + " failures"
                        : "")
                + (dropped > 0 ? "; " + dropped + " earlier failed sign-ins not audited (audit-per-hour cap)" : "");
        try {
            registry.audit(null, name, "login", "refused", detail);
        } catch (RuntimeException e) {
            // the refusal stands even when the database is away; the log line above keeps the trace
            log.warn("login audit not written: {}", e.getClass().getSimpleName());
        }
    }

    private static boolean accepts(HttpServletRequest request, String type) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(type);
    }

    /** A person at the login page gets the 429 as a page in Spanish, not as JSON. */
    private static void waitPage(HttpServletResponse response, long seconds) throws IOException {
        response.setStatus(429);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write("""
                <!DOCTYPE html>
                <html lang="es">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sello · Demasiados intentos</title><link rel="stylesheet" href="/ui/sello.css"><link rel="stylesheet" href="/ui/entrar.css"></head>
                <body class="signin" data-ready="true">
                <header><a href="/ui/index.html">Sello</a></header>
                <main>
                  <h1>Demasiados intentos fallidos</h1>
                  <p class="error" role="alert" id="login-error">Se han rechazado varios intentos de entrada con este usuario o desde este
                  equipo. Espere %d s antes de volver a intentarlo.</p>
                  <p><a href="/login">Volver a la página de entrada</a></p>
                </main>
                </body>
                </html>
                """.formatted(seconds).getBytes(StandardCharsets.UTF_8));
    }

    /** The user name of a Basic header, or {@code null} when the header cannot be decoded (counted per address only). */
    static String userName(String authorization) {
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A user name fit for a log line and the audit's 100-character actor column: no control characters, no markup, bounded. */
    static String sanitised(String user) {
        StringBuilder out = new StringBuilder();
        user.codePoints()
                .limit(64)
                .forEach(cp -> out.append(
                        Character.isLetterOrDigit(cp) || ".-_@+".indexOf(cp) >= 0 ? Character.toString(cp) : "?"));
        return user.codePointCount(0, user.length()) > 64 ? out + "…" : out.toString();
    }
}
