package io.synergy.registry.application;

import io.synergy.contracts.envelope.Event;

/**
 * Writes one topic's events and returns only once this service's own reader has applied them
 * (read-your-writes), so a client that reads after a write sees it.
 */
public interface StateWriter<E extends Event> {

    /**
     * @throws StoreUnavailableException when the write or its read-back does not finish in time
     */
    void write(E event);

    /** Writes the removal event, then a tombstone under its key so compaction forgets the key. */
    void remove(E removal);
}
