package io.synergy.executor.messaging;

import io.synergy.contracts.topic.Topic;
import io.synergy.executor.application.AnsweredRequests;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code synergy.inference.results} from its first offset to its end at start (no group, nothing
 * committed), so the executor knows which requests already have their outcome before it consumes
 * requests: a request redelivered after an executor died is then not answered a second time.
 */
public final class AnsweredLog {

    private AnsweredLog() {
    }

    /**
     * @return how many outcomes it read
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    public static int load(String bootstrapServers, AnsweredRequests answered, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        int read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "executor-answered-log"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topic.INFERENCE_RESULTS.topicName(), timeout);
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(end)) {
                    throw new IllegalStateException(Topic.INFERENCE_RESULTS.topicName() + ": not read to its end within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null) {
                        answered.answered(new String(record.key(), StandardCharsets.UTF_8));
                        read++;
                    }
                }
            }
        }
        return read;
    }
}
