package io.sello.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code sello.security.login.*}: how failed sign-ins (HTTP Basic, and unknown {@code X-Api-Key}s) slow
 * down and then lock out, counted per user name tried and per client address (docs/limits.md, issue 14).
 * A bad value stops start-up, naming the key.
 *
 * @param perUser     failures of one user name, from anywhere: guessing one account's password
 * @param perAddress  failures from one client address, whatever the user name: one machine cycling
 *                    through user names or API keys
 * @param maxTracked  user names (and, separately, addresses) remembered at once; the least recently
 *                    seen is forgotten first, so an attacker inventing names cannot grow memory
 * @param auditPerHour failed-login audit rows written per hour at most, all users together
 */
@ConfigurationProperties("sello.security.login")
record LoginThrottleProperties(Rule perUser, Rule perAddress, Integer maxTracked, Integer auditPerHour) {
    static final Rule USER_DEFAULTS = new Rule(3, Duration.ofSeconds(5), 10, Duration.ofMinutes(15));
    static final Rule ADDRESS_DEFAULTS = new Rule(20, Duration.ofSeconds(2), 50, Duration.ofMinutes(15));

    public LoginThrottleProperties {
        perUser = (perUser == null ? USER_DEFAULTS : perUser.orDefaults(USER_DEFAULTS)).validated("per-user");
        perAddress = (perAddress == null ? ADDRESS_DEFAULTS : perAddress.orDefaults(ADDRESS_DEFAULTS))
                .validated("per-address");
        maxTracked = maxTracked == null ? 10_000 : maxTracked;
        auditPerHour = auditPerHour == null ? 100 : auditPerHour;
        require(
                maxTracked >= 100 && maxTracked <= 1_000_000,
                "sello.security.login.max-tracked must be 100 to 1000000 but is " + maxTracked);
        require(auditPerHour >= 1, "sello.security.login.audit-per-hour must be at least 1 but is " + auditPerHour);
    }

    /** The defaults: per user 3 free failures, then one try per 5 s, locked 15 min at 10; per address 20, 2 s, 50, 15 min. */
    static LoginThrottleProperties defaults() {
        return new LoginThrottleProperties(null, null, null, null);
    }

    /**
     * @param failuresBeforeDelay   failures answered at once; after them each attempt must wait {@code delay}
     *                              after the previous failure, or it gets 429 without being checked
     * @param delay                 the pause between attempts once delayed
     * @param failuresBeforeLockout failures in a row, each within {@code lockout} of the one before, that lock
     *                              the user name or address out
     * @param lockout               how long a lock-out lasts; during it even the right password gets 429
     */
    public record Rule(Integer failuresBeforeDelay, Duration delay, Integer failuresBeforeLockout, Duration lockout) {
        Rule orDefaults(Rule defaults) {
            return new Rule(
                    failuresBeforeDelay == null ? defaults.failuresBeforeDelay : failuresBeforeDelay,
                    delay == null ? defaults.delay : delay,
                    failuresBeforeLockout == null ? defaults.failuresBeforeLockout : failuresBeforeLockout,
                    lockout == null ? defaults.lockout : lockout);
        }

        Rule validated(String name) {
            String key = "sello.security.login." + name + ".";
            require(
                    failuresBeforeDelay >= 1,
                    key + "failures-before-delay must be at least 1 but is " + failuresBeforeDelay);
            require(
                    !delay.isNegative() && !delay.isZero() && delay.compareTo(Duration.ofHours(1)) <= 0,
                    key + "delay must be more than 0 and at most 1h but is " + delay);
            require(
                    failuresBeforeLockout > failuresBeforeDelay,
                    key + "failures-before-lockout must be more than failures-before-delay (" + failuresBeforeDelay
                            + ") but is " + failuresBeforeLockout);
            require(
                    !lockout.isNegative() && !lockout.isZero() && lockout.compareTo(Duration.ofDays(1)) <= 0,
                    key + "lockout must be more than 0 and at most 1d but is " + lockout);
            return this;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
