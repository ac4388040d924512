package io.synergy.contracts.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.synergy.contracts.ContractSamples;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the codec writes it reads back in one pass, without falling back to a JSON tree (the slow path
 * for other field orders and for values it must refuse with a message).
 */
class EventCodecOnePassTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:30.123Z"), ZoneOffset.UTC);

    static Stream<Event> everyEvent() {
        return ContractSamples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void readsEveryWrittenEventInOnePass(Event event) {
        EventCodec<Event> codec = ContractSamples.codecOf(event);
        Envelope<Event> sent = Envelope.of(event, CLOCK);

        assertThat(codec.decodeInOnePass(codec.encode(sent))).isEqualTo(sent);
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void leavesAValueWithTheEventBeforeTheEnvelopeFieldsToTheTree(Event event) {
        EventCodec<Event> codec = ContractSamples.codecOf(event);
        String written = new String(codec.encode(Envelope.of(event, CLOCK)), StandardCharsets.UTF_8);
        int split = written.indexOf(",\"event\":");
        String eventFirst = "{" + written.substring(split + 1, written.length() - 1) + "," + written.substring(1, split) + "}";

        assertThat(codec.decodeInOnePass(eventFirst.getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(codec.decode(eventFirst.getBytes(StandardCharsets.UTF_8)).event()).isEqualTo(event);
    }

}
