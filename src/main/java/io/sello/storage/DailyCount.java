package io.sello.storage;

import java.time.LocalDate;
import java.util.Objects;

/** One row of {@code audit_daily_counts}: how many times {@code action} ended in {@code result} on a UTC day. */
public record DailyCount(LocalDate day, String action, String result, long events) {
    public DailyCount {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(result, "result");
        if (events < 1) {
            throw new IllegalArgumentException("a daily count is at least 1, not " + events);
        }
    }
}
