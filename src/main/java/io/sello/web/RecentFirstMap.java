package io.sello.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps the {@code max} most recently used keys and forgets the least recently used one
 * beyond that: per-address and per-user rate state that a spray of fresh keys cannot grow without bound.
 * Not thread-safe; its owners synchronise.
 */
final class RecentFirstMap {
    private RecentFirstMap() {}

    static <V> Map<String, V> of(int max) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
