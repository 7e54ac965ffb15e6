package io.sello.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Failed sign-ins, per user name tried and per client address (issue 14: 500 wrong passwords for
 * {@code admin} took 24 s, with no delay, no lock-out and no trace). Two steps, each from
 * {@link LoginThrottleProperties.Rule}:
 * <ol>
 *   <li><b>delay</b>: a Bucket4j bucket of {@code failuresBeforeDelay} tokens, refilled one per
 *       {@code delay}, pays for each failure; once it is empty an attempt gets 429 with Retry-After
 *       without its password being checked. Nothing sleeps, so no server thread is held;</li>
 *   <li><b>lock-out</b>: {@code failuresBeforeLockout} failures in a row (none more than {@code lockout}
 *       after the one before) lock the key for {@code lockout}; every attempt, the right password too,
 *       gets 429 until it ends. Then the count and the bucket start afresh.</li>
 * </ol>
 * A success clears its user name's record (not the address's: an attacker with one valid account
 * must not be able to wipe the count of the address it guesses from).
 *
 * <p>Memory is bounded: user names and addresses each live in an LRU map of at most
 * {@code maxTracked} entries, so inventing user names or cycling addresses evicts old records instead of
 * growing the heap. The cost of that bound is that a flood of more than {@code maxTracked} fresh keys can
 * evict a lock early; the per-address rule still slows the one machine doing it.
 */
final class LoginThrottle {
    private final LoginThrottleProperties properties;
    private final TimeMeter clock;
    private final Map<String, Entry> users;
    private final Map<String, Entry> addresses;

    LoginThrottle(LoginThrottleProperties properties, TimeMeter clock) {
        this.properties = properties;
        this.clock = clock;
        this.users = RecentFirstMap.of(properties.maxTracked());
        this.addresses = RecentFirstMap.of(properties.maxTracked());
    }

    /** Which limit refuses an attempt, and for how long. */
    record Refusal(boolean perUser, boolean lockedOut, Duration retryAfter) {}

    /** What one failure led to, for the log and the audit. */
    record Failure(
            int userFailures,
            int addressFailures,
            boolean firstOfUser,
            boolean firstOfAddress,
            boolean userLockedNow,
            boolean addressLockedNow) {}

    /**
     * An attempt let through, holding a token of each bucket that already has failures: concurrent
     * guesses at a name that is failing cannot all pass the check before the first of them is counted.
     */
    record Attempt(Refusal refusal, Entry userReserved, Entry addressReserved) {}

    /**
     * Starts an attempt: refused, or let through with a token reserved from every record that already
     * counts failures (a first, fresh burst is bounded by the server's threads instead). The caller
     * ends it with {@link #failed(Attempt, String, String)} or {@link #passed(Attempt, String)}.
     */
    synchronized Attempt begin(String user, String address) {
        Refusal refusal = check(user, address);
        if (refusal != null) {
            return new Attempt(refusal, null, null);
        }
        return new Attempt(null, reserve(user == null ? null : users.get(key(user))), reserve(addresses.get(address)));
    }

    private static Entry reserve(Entry entry) {
        return entry != null && entry.failures > 0 && entry.delay.tryConsume(1) ? entry : null;
    }

    /** The attempt did not fail: its reserved tokens go back, and a success clears the user name's failures. */
    synchronized void passed(Attempt attempt, String user) {
        for (Entry entry : new Entry[] {attempt.userReserved(), attempt.addressReserved()}) {
            if (entry != null) {
                entry.delay.addTokens(1);
            }
        }
        succeeded(user);
    }

    /** A failed attempt, paid for with the tokens it reserved (or new ones). */
    synchronized Failure failed(Attempt attempt, String user, String address) {
        return failed(user, address, attempt.userReserved(), attempt.addressReserved());
    }

    /** @return why an attempt must be refused before its credentials are checked, or {@code null} to let it through */
    synchronized Refusal check(String user, String address) {
        long now = clock.currentTimeNanos();
        Refusal refusal = user == null ? null : refusal(users.get(key(user)), now, true);
        Refusal byAddress = refusal(addresses.get(address), now, false);
        if (refusal == null || (byAddress != null && byAddress.retryAfter.compareTo(refusal.retryAfter) > 0)) {
            refusal = byAddress;
        }
        return refusal;
    }

    private static Refusal refusal(Entry entry, long now, boolean perUser) {
        if (entry == null) {
            return null;
        }
        if (entry.lockedAt(now)) {
            return new Refusal(perUser, true, Duration.ofNanos(entry.lockedUntil - now));
        }
        EstimationProbe probe = entry.delay.estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? null
                : new Refusal(perUser, false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Counts a failed sign-in; {@code user} is {@code null} when no user name could be read (a wrong API key). */
    synchronized Failure failed(String user, String address) {
        return failed(user, address, null, null);
    }

    private Failure failed(String user, String address, Entry userPaid, Entry addressPaid) {
        long now = clock.currentTimeNanos();
        Entry byUser =
                user == null ? null : users.computeIfAbsent(key(user), k -> new Entry(properties.perUser(), clock));
        Entry byAddress = addresses.computeIfAbsent(address, k -> new Entry(properties.perAddress(), clock));
        int userFailures = byUser == null ? 0 : byUser.fail(now, byUser == userPaid);
        int addressFailures = byAddress.fail(now, byAddress == addressPaid);
        return new Failure(
                userFailures,
                addressFailures,
                userFailures == 1,
                addressFailures == 1,
                userFailures >= properties.perUser().failuresBeforeLockout(),
                addressFailures >= properties.perAddress().failuresBeforeLockout());
    }

    /** A successful sign-in forgets the user name's failures. */
    synchronized void succeeded(String user) {
        if (user != null) {
            Entry entry = users.get(key(user));
            if (entry != null && !entry.lockedAt(clock.currentTimeNanos())) {
                users.remove(key(user));
            }
        }
    }

    synchronized int tracked() {
        return users.size() + addresses.size();
    }

    /** Spring's in-memory users ignore case, so {@code Admin} and {@code admin} are one account; longer names cannot be users. */
    private static String key(String user) {
        String lower = user.toLowerCase(Locale.ROOT);
        return lower.length() > 101 ? lower.substring(0, 101) : lower;
    }

    static final class Entry {
        private final LoginThrottleProperties.Rule rule;
        private final Bucket delay;
        private int failures;
        private long lastFailure;
        private boolean locked;
        private long lockedUntil;

        Entry(LoginThrottleProperties.Rule rule, TimeMeter clock) {
            this.rule = rule;
            this.delay = Bucket.builder()
                    .addLimit(
                            limit -> limit.capacity(rule.failuresBeforeDelay()).refillGreedy(1, rule.delay()))
                    .withCustomTimePrecision(clock)
                    .build();
        }

        /** Nanosecond clocks may start anywhere, negative included, so "locked" is a flag and not {@code lockedUntil > 0}. */
        boolean lockedAt(long now) {
            return locked && lockedUntil - now > 0;
        }

        /** @return which failure in a row this is; the one that reaches {@code failuresBeforeLockout} locks the key and starts afresh */
        int fail(long now, boolean paid) {
            if (failures > 0 && now - lastFailure > rule.lockout().toNanos()) {
                failures = 0;
            }
            int number = ++failures;
            lastFailure = now;
            if (!paid) {
                delay.consumeIgnoringRateLimits(1);
            }
            if (number >= rule.failuresBeforeLockout()) {
                locked = true;
                lockedUntil = now + rule.lockout().toNanos();
                failures = 0;
                delay.reset();
            }
            return number;
        }
    }
}
