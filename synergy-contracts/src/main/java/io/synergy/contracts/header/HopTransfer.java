package io.synergy.contracts.header;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * The direct measure of one hop: the sender stamps {@link Header#SENT_AT_MICROS} with its wall clock,
 * the receiver subtracts it from its own right after reading the record, and records the difference in
 * the timer {@value #METER} (tag {@value #KIND_TAG} = {@link HopKind#tagValue()}) with the fixed
 * buckets {@link #BUCKETS}. What a hop then holds: the sender's value encoding, the producer, the
 * broker (acks=all), the consumer's fetch and poll, the binder's hand-over and the receiver's header
 * decoding; not the time a stage then waits for its device.
 *
 * <p>Sender and receiver must read the same clock for the figure to mean anything: on one host they
 * do; across hosts it includes their offset (NTP keeps it to about a millisecond on a LAN). A record
 * without the header, or with one that does not read (an older sender, a plain Kafka client), or one
 * that says it was sent after it arrived (clocks that disagree) is simply not measured.
 */
public final class HopTransfer {

    /** The Micrometer timer name (Prometheus: {@code synergy_hop_transfer_seconds_bucket} and so on). */
    public static final String METER = "synergy.hop.transfer";

    /** The tag that says which {@link HopKind} a sample is. */
    public static final String KIND_TAG = "kind";

    /**
     * The timer's service-level-objective buckets: fine below 5 ms, where the target is, coarse above.
     */
    public static final List<Duration> BUCKETS = List.of(
            micros(250), micros(500), millis(1), micros(1_500), millis(2), millis(3), millis(4), millis(5),
            micros(7_500), millis(10), millis(15), millis(20), millis(30), millis(50), millis(100), millis(250),
            millis(500), millis(1_000));

    private HopTransfer() {
    }

    /** The header value for a record being sent now: the clock in microseconds, in decimal. */
    public static byte[] stamp(Clock clock) {
        return Long.toString(epochMicros(clock.instant())).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * How long the hop of a record took, in microseconds, by the receiver's clock now; empty when the
     * header is absent, does not read as a decimal number, or lies in the receiver's future.
     *
     * @param sentAt the {@link Header#SENT_AT_MICROS} header's value, or null when the record has none
     */
    public static OptionalLong elapsedMicros(byte[] sentAt, Clock clock) {
        if (sentAt == null || sentAt.length == 0 || sentAt.length > 19) {
            return OptionalLong.empty();
        }
        long sent;
        try {
            sent = Long.parseLong(new String(sentAt, StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        long elapsed = epochMicros(clock.instant()) - sent;
        return sent < 0 || elapsed < 0 ? OptionalLong.empty() : OptionalLong.of(elapsed);
    }

    private static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static Duration micros(long micros) {
        return Duration.ofNanos(micros * 1_000);
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }
}
