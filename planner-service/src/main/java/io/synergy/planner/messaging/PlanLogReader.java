package io.synergy.planner.messaging;

import io.synergy.contracts.topic.KafkaConnection;
import io.synergy.contracts.envelope.EventCodec;
import io.synergy.contracts.plan.PlanEvent;
import io.synergy.contracts.plan.PlanSetPublished;
import io.synergy.contracts.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the planner needs before it starts: the last plan set on {@code synergy.plans} (so
 * epochs continue across restarts) and the log end offsets of its input topics (so it knows when
 * the state that existed at start is folded). A plain consumer without a group, used once.
 */
public final class PlanLogReader {

    private static final Logger LOG = LoggerFactory.getLogger(PlanLogReader.class);

    private final KafkaConnection connection;
    private final Duration timeout;

    public PlanLogReader(KafkaConnection connection, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
    }

    /** The plan set with the highest epoch on the topic, or null when there is none. */
    public PlanSetPublished lastPlanSet() {
        EventCodec<PlanEvent> codec = EventCodec.of(PlanEvent.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config())) {
            TopicPartition partition = partitionZero(consumer, Topic.PLANS.topicName());
            if (partition == null) {
                return null;
            }
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            PlanSetPublished last = null;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(Topic.PLANS.topicName() + ": not read to its end (offset " + end
                            + ") within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        continue;
                    }
                    try {
                        PlanEvent event = codec.decode(record.value()).event();
                        if (event instanceof PlanSetPublished
                                && (last == null || ((PlanSetPublished) event).epoch() > last.epoch())) {
                            last = (PlanSetPublished) event;
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("{}: record at offset {} skipped: {}", Topic.PLANS.topicName(), record.offset(),
                                e.getMessage());
                    }
                }
            }
            return last;
        }
    }

    /** Per topic, the log end offset now (0 for a topic that does not exist yet). */
    public Map<String, Long> endOffsets(List<String> topics) {
        Map<String, Long> ends = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config())) {
            for (String topic : topics) {
                TopicPartition partition = partitionZero(consumer, topic);
                ends.put(topic, partition == null ? 0L : consumer.endOffsets(List.of(partition), timeout).get(partition));
            }
        }
        return ends;
    }

    private TopicPartition partitionZero(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        return partitions == null || partitions.isEmpty() ? null : new TopicPartition(topic, 0);
    }

    private Map<String, Object> config() {
        Map<String, Object> config = connection.clientConfig();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "planner-service-start");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topic.MODEL_MAX_MESSAGE_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topic.MODEL_MAX_MESSAGE_BYTES);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }
}
