package io.synergy.registry.messaging;

import io.synergy.contracts.topic.KafkaConnection;
import io.synergy.contracts.topic.Topic;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;

/**
 * Client settings for the registry's state topics. Values are the contract's bytes (EventCodec JSON),
 * so nothing is re-serialised; keys are the aggregate ids as UTF-8 strings.
 *
 * @param connection       the bootstrap servers and the security entries (shared with the binder)
 * @param clientId         prefix of every client id, so broker logs tell the registry's clients apart
 */
public record KafkaClients(KafkaConnection connection, String clientId) {

    /** For logs and errors. */
    public String bootstrapServers() {
        return connection.bootstrapServers();
    }

    public Map<String, Object> admin() {
        Map<String, Object> config = connection.clientConfig();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
        return config;
    }

    /** Idempotent, acks=all, and large enough for a model package (Topic.MODEL_MAX_MESSAGE_BYTES). */
    public Map<String, Object> producer() {
        Map<String, Object> config = connection.clientConfig();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-producer");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topic.MODEL_MAX_MESSAGE_BYTES);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    /**
     * A reader of a whole topic: no group (it assigns the partition itself and never commits), and
     * a fetch size that lets one model package through.
     */
    public Map<String, Object> reader(String topicName) {
        Map<String, Object> config = connection.clientConfig();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-reader-" + topicName);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topic.MODEL_MAX_MESSAGE_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topic.MODEL_MAX_MESSAGE_BYTES);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }
}
