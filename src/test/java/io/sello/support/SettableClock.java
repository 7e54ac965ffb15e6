package io.sello.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand: the time the {@link PkiServer} writes into CRLs, OCSP answers and time-stamps, so a
 * test can stand after a signer certificate's expiry (issue 16: "still valid after the test clock moves past it").
 * Thread-safe: the server's threads read it while the test moves it.
 */
public final class SettableClock extends Clock {
    private final AtomicReference<Instant> instant;
    private final ZoneId zone;

    public SettableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private SettableClock(AtomicReference<Instant> instant, ZoneId zone) {
        this.instant = instant;
        this.zone = zone;
    }

    public void set(Instant when) {
        instant.set(Objects.requireNonNull(when, "when"));
    }

    public Instant advance(Duration by) {
        return instant.updateAndGet(i -> i.plus(by));
    }

    @Override
    public Instant instant() {
        return instant.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same hands in another zone: moving one moves both. */
    @Override
    public Clock withZone(ZoneId other) {
        return new SettableClock(instant, other);
    }
}
