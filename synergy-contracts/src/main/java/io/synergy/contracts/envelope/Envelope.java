package io.synergy.contracts.envelope;

import io.synergy.contracts.Identifier;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What every JSON record value carries around its event.
 *
 * @param eventId       unique per message; consumers use it to drop duplicates after a producer retry
 * @param schemaVersion the contract version the message was written under
 * @param time          when the event happened, UTC
 * @param correlationId ties messages of one flow together: the request id for inference, else the key
 * @param event         the event itself
 */
public record Envelope<E extends Event>(UUID eventId, int schemaVersion, Instant time, String correlationId, E event) {

    public Envelope {
        Identifier.requirePresent("eventId", eventId);
        Identifier.requirePresent("time", time);
        Identifier.requireText("correlationId", correlationId);
        Identifier.requirePresent("event", event);
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion: must be >= 1, got " + schemaVersion);
        }
    }

    /** A new message under the current schema version, correlated by the event's key. */
    public static <E extends Event> Envelope<E> of(E event, Clock clock) {
        return of(event, event.key(), clock);
    }

    /** A new message under the current schema version. */
    public static <E extends Event> Envelope<E> of(E event, String correlationId, Clock clock) {
        return new Envelope<>(UUID.randomUUID(), SchemaVersion.CURRENT, clock.instant(), correlationId, event);
    }

    /** The record key of this message. */
    public String key() {
        return event.key();
    }
}
