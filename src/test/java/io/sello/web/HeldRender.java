package io.sello.web;

import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** A render that takes its slot in the gate, says so, and keeps it until the test releases it. */
final class HeldRender {
    private HeldRender() {}

    static Supplier<Void> until(CountDownLatch started, CountDownLatch release) {
        return () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
    }
}
