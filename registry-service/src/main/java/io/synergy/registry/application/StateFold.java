package io.synergy.registry.application;

import io.synergy.contracts.envelope.Event;

import java.time.Instant;

/**
 * Read-side state built from one compacted topic: every event is applied in log order, and a
 * tombstone forgets its key. Implementations are thread-safe: the topic's reader applies while HTTP
 * threads read.
 */
public interface StateFold<E extends Event> {

    /** Applies an event that happened at {@code time} (its envelope's time). */
    void apply(E event, Instant time);

    /** A tombstone (null value) under {@code key}. */
    void forget(String key);
}
