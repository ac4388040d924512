package io.synergy.registry.messaging;

import io.synergy.contracts.device.DeviceDescriptor;
import io.synergy.contracts.device.DeviceEvent;
import io.synergy.contracts.device.DeviceLeft;
import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.topic.Topic;
import io.synergy.registry.application.DeviceDepartures;
import io.synergy.registry.application.StoreUnavailableException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes the departures the registry decides on to {@code synergy.devices}: a {@link DeviceLeft}, then
 * a tombstone so compaction forgets the device, exactly as a gateway says goodbye. The producer is
 * idempotent (acks=all), so a retried send is not written twice.
 */
public final class DeviceDepartureLog implements DeviceDepartures, AutoCloseable {

    private static final EventCodec<DeviceEvent> CODEC = EventCodec.of(DeviceEvent.class);

    private final Producer<String, byte[]> producer;
    private final Duration writeTimeout;
    private final Clock clock;

    public DeviceDepartureLog(KafkaClients clients, Duration writeTimeout, Clock clock) {
        this(new KafkaProducer<>(clients.producer()), writeTimeout, clock);
    }

    DeviceDepartureLog(Producer<String, byte[]> producer, Duration writeTimeout, Clock clock) {
        this.producer = producer;
        this.writeTimeout = writeTimeout;
        this.clock = clock;
    }

    @Override
    public void departed(DeviceDescriptor device, String reason) {
        DeviceLeft left = new DeviceLeft(device.deviceId(), device.gatewayId(), reason);
        String topic = Topic.DEVICES.topicName();
        producer.send(new ProducerRecord<>(topic, left.key(), CODEC.encode(Envelope.of(left, clock))));
        try {
            // one partition, one idempotent producer: the tombstone lands after the DeviceLeft
            producer.send(new ProducerRecord<>(topic, left.key(), null)).get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(topic + ": interrupted while writing the departure of " + left.key(), e);
        } catch (ExecutionException e) {
            throw new StoreUnavailableException(topic + ": writing the departure of " + left.key() + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreUnavailableException(topic + ": writing the departure of " + left.key() + " took longer than "
                    + writeTimeout, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
