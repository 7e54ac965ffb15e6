package io.sello.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.sello.signing.PdfLimits;
import io.sello.signoff.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * {@code sello.limits.pdf.anonymous-per-minute}: verifications one client address may ask for without
 * signing in (issue 14). A token bucket per address (Bucket4j) holds that many and refills them evenly
 * over a minute; signed-in callers are not counted here, the render gate bounds them. The buckets of
 * the 10,000 most recent addresses are kept, so a spray of addresses cannot grow the map without bound.
 */
@Component
class AnonymousVerifyLimit {
    private static final int ADDRESSES = 10_000;
    private final int perMinute;
    private final Map<String, Bucket> buckets = RecentFirstMap.of(ADDRESSES);

    AnonymousVerifyLimit(PdfLimits limits) {
        this.perMinute = limits.anonymousPerMinute();
    }

    /**
     * Spends a token of the caller's address when nobody is signed in; signed-in callers are not limited here.
     *
     * @throws TooManyVerificationsException when the address has used up its verifications for now
     */
    void charge(Actor actor, HttpServletRequest request) {
        if (actor == Actor.ANONYMOUS) {
            acquire(request.getRemoteAddr());
        }
    }

    /** @throws TooManyVerificationsException when {@code address} has used up its verifications for now */
    private void acquire(String address) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(
                    address,
                    a -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(perMinute)
                                    .refillGreedy(perMinute, Duration.ofMinutes(1))
                                    .build())
                            .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new TooManyVerificationsException(perMinute, seconds);
        }
    }

    /** 429 with Retry-After: this address has asked for more anonymous verifications than the limit allows. */
    static final class TooManyVerificationsException extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyVerificationsException(int perMinute, long retryAfterSeconds) {
            super(
                    "more than " + perMinute + " verifications a minute from one address without signing in"
                            + " (sello.limits.pdf.anonymous-per-minute); sign in or try again in " + retryAfterSeconds
                            + " s",
                    null,
                    false,
                    false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
