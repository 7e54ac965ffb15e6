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
    /** Where the hands were put, and when (by {@link System#nanoTime()}): a running clock goes on from there. */
    private record Hands(Instant at, long nanos) {}

    private final AtomicReference<Hands> hands;
    private final boolean running;
    private final ZoneId zone;

    /** A stopped clock: it shows {@code start} until a test moves it. */
    public SettableClock(Instant start) {
        this(
                new AtomicReference<>(new Hands(Objects.requireNonNull(start, "start"), System.nanoTime())),
                false,
                ZoneOffset.UTC);
    }

    /**
     * A clock that runs with real time from now on, and that a test can still move: what a service and its PKI need
     * when the order of events matters (a time-stamp after the signature, a CRL after the time-stamp).
     */
    public static SettableClock running() {
        return new SettableClock(
                new AtomicReference<>(new Hands(Instant.now(), System.nanoTime())), true, ZoneOffset.UTC);
    }

    private SettableClock(AtomicReference<Hands> hands, boolean running, ZoneId zone) {
        this.hands = hands;
        this.running = running;
        this.zone = zone;
    }

    public void set(Instant when) {
        hands.set(new Hands(Objects.requireNonNull(when, "when"), System.nanoTime()));
    }

    public Instant advance(Duration by) {
        return hands.updateAndGet(h -> new Hands(read(h).plus(by), System.nanoTime()))
                .at();
    }

    @Override
    public Instant instant() {
        return read(hands.get());
    }

    private Instant read(Hands h) {
        return running ? h.at().plusNanos(System.nanoTime() - h.nanos()) : h.at();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same hands in another zone: moving one moves both. */
    @Override
    public Clock withZone(ZoneId other) {
        return new SettableClock(hands, running, other);
    }
}
