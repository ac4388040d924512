package io.synergy.gateway.messaging;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The producer of the stage hot path (activations, results, rejections), tuned for latency: no linger (Kafka 4 clients wait 5 ms by
 * default to fill a batch, which is a third of a stage's budget), acks from all in-sync replicas and
 * idempotence as the binder's producers have, and a bounded wait for metadata so a missing topic
 * cannot hold a web thread for the client's default minute.
 */
public final class HotPathProducer {

    /** The largest activation tensor a record may carry; the same bound as the binder's producers. */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    static final Duration MAX_BLOCK = Duration.ofSeconds(5);

    private HotPathProducer() {
    }

    public static Producer<byte[], byte[]> create(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
