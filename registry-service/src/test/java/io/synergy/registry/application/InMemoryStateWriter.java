package io.synergy.registry.application;

import io.synergy.contracts.envelope.Event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A store without Kafka for unit tests: applies each write to the fold at once and records it. */
final class InMemoryStateWriter<E extends Event> implements StateWriter<E> {

    private final StateFold<E> fold;
    final List<E> written = new ArrayList<>();

    InMemoryStateWriter(StateFold<E> fold) {
        this.fold = fold;
    }

    @Override
    public void write(E event) {
        written.add(event);
        fold.apply(event, Instant.EPOCH);
    }

    @Override
    public void remove(E removal) {
        written.add(removal);
        fold.apply(removal, Instant.EPOCH);
        fold.forget(removal.key());
    }
}
