package io.sello.web;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The throttle's rules on a hand-driven clock (issue 14 point 3); LoginFloodTest floods a running service. */
class LoginThrottleTest {
    private final Clock clock = new Clock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(
                    new LoginThrottleProperties.Rule(3, Duration.ofSeconds(5), 10, Duration.ofMinutes(15)),
                    new LoginThrottleProperties.Rule(20, Duration.ofSeconds(2), 50, Duration.ofMinutes(15)),
                    100,
                    100),
            clock);

    @Test
    void aUserNameIsDelayedAfterThreeFailuresThenLockedOutAtTen() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.check("admin", "10.0.0.1")).isNull();
            throttle.failed("admin", "10.0.0.1");
        }
        LoginThrottle.Refusal delayed = throttle.check("admin", "10.0.0.1");
        assertThat(delayed.perUser()).isTrue();
        assertThat(delayed.lockedOut()).isFalse();
        assertThat(delayed.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        // the same name in other case is the same account; another user and another address are not held back
        assertThat(throttle.check("ADMIN", "10.0.0.9")).isNotNull();
        assertThat(throttle.check("luis", "10.0.0.1")).isNull();

        LoginThrottle.Failure failure = null;
        for (int i = 4; i <= 10; i++) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(throttle.check("admin", "10.0.0.1"))
                    .as("attempt %d after the delay", i)
                    .isNull();
            failure = throttle.failed("admin", "10.0.0.1");
        }
        assertThat(failure.userLockedNow()).isTrue();
        assertThat(failure.userFailures()).isEqualTo(10);
        LoginThrottle.Refusal locked = throttle.check("admin", "10.0.0.1");
        assertThat(locked.lockedOut()).isTrue();
        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(15));

        // a success cannot lift a lock-out: the filter never lets the attempt through, and succeeded() leaves it
        throttle.succeeded("admin");
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.check("admin", "10.0.0.2").retryAfter()).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.check("admin", "10.0.0.2")).as("after the lock-out").isNull();
        // afresh: three free failures again
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.check("admin", "10.0.0.2")).isNull();
            assertThat(throttle.failed("admin", "10.0.0.2").userFailures()).isEqualTo(i + 1);
        }
    }

    @Test
    void concurrentGuessesAtAFailingNameCannotAllPassTheCheckBeforeTheFirstIsCounted() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(5));
        // one token has come back: the first of two simultaneous attempts reserves it, the second is refused
        LoginThrottle.Attempt first = throttle.begin("admin", "10.0.0.1");
        LoginThrottle.Attempt second = throttle.begin("admin", "10.0.0.2");
        assertThat(first.refusal()).isNull();
        assertThat(second.refusal()).isNotNull();
        assertThat(throttle.failed(first, "admin", "10.0.0.1").userFailures()).isEqualTo(4);
        assertThat(throttle.check("admin", "10.0.0.1").retryAfter())
                .as("paid with the reserved token, not a second one")
                .isEqualTo(Duration.ofSeconds(5));
        // an attempt that passes gives its token back, and a success clears the name
        clock.advance(Duration.ofSeconds(5));
        LoginThrottle.Attempt right = throttle.begin("admin", "10.0.0.1");
        throttle.passed(right, "admin");
        assertThat(throttle.check("admin", "10.0.0.1")).isNull();
        assertThat(throttle.failed("admin", "10.0.0.1").userFailures()).isEqualTo(1);
        // a name with no failures reserves nothing: a user's parallel requests are never held back
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.begin("luis", "10.0.0.3").refusal()).isNull();
        }
    }

    @Test
    void oneAddressCyclingUserNamesIsHeldBackByTheAddressRule() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.check("user" + i, "10.0.0.7")).isNull();
            throttle.failed("user" + i, "10.0.0.7");
        }
        LoginThrottle.Refusal refusal = throttle.check("someone-new", "10.0.0.7");
        assertThat(refusal.perUser()).isFalse();
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.check("someone-new", "10.0.0.8")).isNull();
        // wrong API keys have no user name and count for the address alone
        LoginThrottle.Failure failure = null;
        for (int i = 21; i <= 50; i++) {
            clock.advance(Duration.ofSeconds(2));
            failure = throttle.failed(null, "10.0.0.7");
        }
        assertThat(failure.addressLockedNow()).isTrue();
        assertThat(throttle.check(null, "10.0.0.7").lockedOut()).isTrue();
    }

    @Test
    void failuresFarApartAreForgottenAndASuccessClearsTheUserName() {
        throttle.failed("ana", "10.0.0.1");
        throttle.failed("ana", "10.0.0.1");
        throttle.succeeded("ana");
        assertThat(throttle.failed("ana", "10.0.0.1").userFailures()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.failed("ana", "10.0.0.1").userFailures())
                .as("the previous failure is 16 min old")
                .isEqualTo(1);
    }

    @Test
    void inventedUserNamesCannotGrowMemory() {
        for (int i = 0; i < 100_000; i++) {
            throttle.failed("invented-" + i, "10.0." + (i / 250) + "." + (i % 250));
        }
        assertThat(throttle.tracked()).isEqualTo(200);
    }

    @Test
    void badRulesStopStartUpNamingTheKey() {
        assertThatThrownBy(() -> new LoginThrottleProperties(
                        new LoginThrottleProperties.Rule(5, null, 5, null), null, null, null))
                .hasMessageContaining(
                        "sello.security.login.per-user.failures-before-lockout must be more than failures-before-delay (5)");
        assertThatThrownBy(() -> new LoginThrottleProperties(
                        null, new LoginThrottleProperties.Rule(null, Duration.ZERO, null, null), null, null))
                .hasMessageContaining("sello.security.login.per-address.delay must be more than 0");
        assertThatThrownBy(() -> new LoginThrottleProperties(null, null, 5, null))
                .hasMessageContaining("sello.security.login.max-tracked must be 100 to 1000000");
        assertThat(LoginThrottleProperties.defaults().perUser()).isEqualTo(LoginThrottleProperties.USER_DEFAULTS);
    }

    @Test
    void theLoggedUserNameIsSanitisedAndBounded() {
        assertThat(LoginThrottleFilter.sanitised("admin")).isEqualTo("admin");
        assertThat(LoginThrottleFilter.sanitised("admin\r\n2026 login ok\u202E"))
                .isEqualTo("admin??2026?login?ok?");
        assertThat(LoginThrottleFilter.sanitised("x".repeat(5000))).hasSize(65).endsWith("…");
        assertThat(LoginThrottleFilter.userName(
                        "Basic " + Base64.getEncoder().encodeToString("admin:pw:with:colons".getBytes())))
                .isEqualTo("admin");
        assertThat(LoginThrottleFilter.userName("Basic !!!")).isNull();
    }

    /** Nanoseconds from an arbitrary, negative start, as System.nanoTime may give. */
    private static final class Clock implements TimeMeter {
        private long nanos = -1_000_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
