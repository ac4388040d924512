package io.synergy.registry.messaging;

import io.synergy.contracts.envelope.Envelope;
import io.synergy.contracts.envelope.Event;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.topic.Topic;
import io.synergy.registry.application.InvalidInputException;
import io.synergy.registry.application.StateFold;
import io.synergy.registry.application.StateWriter;
import io.synergy.registry.application.StoreUnavailableException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One compacted state topic as a store: its {@link TopicFollower} folds every record into a
 * {@link StateFold}, and {@link #write} returns only when that follower has applied the written record,
 * so the service reads its own writes (Confluent's KafkaStore works the same way). A tombstone
 * follows every removal event so compaction forgets the key.
 */
public final class EventLog<E extends Event> implements StateWriter<E>, AutoCloseable {

    private final Topic topic;
    private final EventCodec<E> codec;
    private final StateFold<E> fold;
    private final Producer<String, byte[]> producer;
    private final TopicFollower follower;
    private final Duration writeTimeout;
    private final Clock clock;

    /**
     * @param writeTimeout how long a write may take, from send to read-back
     */
    public EventLog(Topic topic, Class<E> family, StateFold<E> fold, Producer<String, byte[]> producer,
                    KafkaClients clients, Duration writeTimeout, Clock clock) {
        this.topic = topic;
        this.codec = EventCodec.of(family);
        this.fold = fold;
        this.producer = producer;
        this.writeTimeout = writeTimeout;
        this.clock = clock;
        this.follower = new TopicFollower(topic.topicName(), clients.reader(topic.topicName()), this::handle);
    }

    public void start() {
        follower.start();
    }

    public TopicFollower follower() {
        return follower;
    }

    private void handle(String key, byte[] value, long offset) {
        if (value == null) {
            if (key != null) {
                fold.forget(key);
            }
            return;
        }
        Envelope<E> envelope = codec.decode(value);
        fold.apply(envelope.event(), envelope.time());
    }

    @Override
    public void write(E event) {
        byte[] value = codec.encode(Envelope.of(event, clock));
        // the broker would refuse it anyway, but only after the client has waited for the answer
        int limit = topic.settings().maxMessageBytes() - 1024;
        if (value.length > limit) {
            throw new InvalidInputException("too-large", "body", limit + " bytes", topic.topicName() + ": the event of "
                    + event.key() + " is " + value.length + " bytes, more than the topic's limit of " + limit + " bytes");
        }
        awaitApplied(send(event.key(), value));
    }

    @Override
    public void remove(E removal) {
        send(removal.key(), codec.encode(Envelope.of(removal, clock)));
        awaitApplied(send(removal.key(), null));
    }

    private long send(String key, byte[] value) {
        try {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(topic.topicName(), key, value))
                    .get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return metadata.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(topic.topicName() + ": interrupted while writing " + key, e);
        } catch (ExecutionException e) {
            throw new StoreUnavailableException(topic.topicName() + ": writing " + key + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreUnavailableException(topic.topicName() + ": writing " + key + " took longer than "
                    + writeTimeout, e);
        }
    }

    private void awaitApplied(long offset) {
        try {
            if (!follower.awaitApplied(offset, writeTimeout)) {
                throw new StoreUnavailableException(topic.topicName() + ": the record at offset " + offset
                        + " was written but not read back within " + writeTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(topic.topicName() + ": interrupted while reading back offset " + offset, e);
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        follower.close();
    }
}
