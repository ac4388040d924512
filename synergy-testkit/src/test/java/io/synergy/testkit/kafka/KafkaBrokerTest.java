package io.synergy.testkit.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker as plain Kafka clients see it; the same test runs against a container or the embedded broker. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void carriesRecordsFromAPlainProducerToAPlainConsumerInOrder(KafkaBroker broker) throws Exception {
        createTopic(broker, new NewTopic("kit.plain", 1, (short) 1));
        try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("kit.plain", "key-" + (i % 3), "value-" + i));
            }
            producer.flush();
        }

        List<ConsumerRecord<String, String>> records = readFromStart(broker, "kit.plain", 10);

        assertThat(records).extracting(ConsumerRecord::value)
                .containsExactly("value-0", "value-1", "value-2", "value-3", "value-4", "value-5", "value-6", "value-7",
                        "value-8", "value-9");
        assertThat(records).extracting(ConsumerRecord::key).startsWith("key-0", "key-1", "key-2");
    }

    @Test
    void acceptsAnIdempotentProducerWithAcksFromAllReplicas(KafkaBroker broker) throws Exception {
        createTopic(broker, new NewTopic("kit.idempotent", 2, (short) 1));
        Map<String, Object> idempotent = Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer(broker, idempotent)) {
            for (int i = 0; i < 100; i++) {
                sent.add(producer.send(new ProducerRecord<>("kit.idempotent", "request-" + i, "payload-" + i)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : sent) {
                assertThat(ack.get(WAIT.toSeconds(), TimeUnit.SECONDS).hasOffset()).isTrue();
            }
        }

        List<ConsumerRecord<String, String>> records = new ArrayList<>(readFromStart(broker, "kit.idempotent", 100));

        assertThat(records).hasSize(100);
        assertThat(records).extracting(ConsumerRecord::value).doesNotHaveDuplicates();
    }

    @Test
    void aCompactedTopicKeepsOnlyTheLastValuePerKey(KafkaBroker broker) throws Exception {
        // Segments roll every 100 ms and the cleaner takes any dirt; only closed segments are compacted,
        // so a filler record keeps rolling the active segment until the cleaner has run.
        createTopic(broker, new NewTopic("kit.compacted", 1, (short) 1).configs(Map.of(
                "cleanup.policy", "compact",
                "segment.ms", "100",
                "min.cleanable.dirty.ratio", "0.01",
                "min.compaction.lag.ms", "0",
                "delete.retention.ms", "100")));
        try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
            for (int version = 1; version <= 5; version++) {
                producer.send(new ProducerRecord<>("kit.compacted", "device-1", "battery " + (100 - version)));
                producer.send(new ProducerRecord<>("kit.compacted", "device-2", "battery " + (90 - version)));
            }
            producer.flush();

            Map<String, List<String>> valuesByKey = Map.of();
            long deadline = System.nanoTime() + WAIT.toNanos();
            int roll = 0;
            while (System.nanoTime() < deadline) {
                producer.send(new ProducerRecord<>("kit.compacted", "filler", Integer.toString(roll++))).get(30, TimeUnit.SECONDS);
                valuesByKey = valuesByKey(readToEnd(broker, "kit.compacted"));
                if (valuesByKey.get("device-1").size() == 1 && valuesByKey.get("device-2").size() == 1) {
                    break;
                }
            }

            assertThat(valuesByKey).containsEntry("device-1", List.of("battery 95")).containsEntry("device-2", List.of("battery 85"));
        }
    }

    @Test
    void everyTestOfTheJvmGetsTheSameBroker(KafkaBroker broker) {
        assertThat(KafkaBroker.shared()).isSameAs(broker);
        assertThat(broker.bootstrapServers()).isNotBlank();
        if (broker.kind() == BrokerKind.EMBEDDED) {
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
        }
    }

    private static void createTopic(KafkaBroker broker, NewTopic topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(topic)).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WAIT.toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(KafkaBroker broker, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, WAIT).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** All partitions from the start until {@code count} records arrived or the wait ran out. */
    private static List<ConsumerRecord<String, String>> readFromStart(KafkaBroker broker, String topic, int count) {
        try (KafkaConsumer<String, String> consumer = consumer(broker, topic)) {
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Partition 0 from the start up to its current end offset. */
    private static List<ConsumerRecord<String, String>> readToEnd(KafkaBroker broker, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(broker, topic)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            long end = consumer.endOffsets(List.of(partition), WAIT).get(partition);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (consumer.position(partition, WAIT) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static Map<String, List<String>> valuesByKey(List<ConsumerRecord<String, String>> records) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            values.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value());
        }
        return values;
    }
}
