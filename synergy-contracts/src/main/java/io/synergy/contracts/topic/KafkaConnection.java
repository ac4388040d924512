package io.synergy.contracts.topic;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a service's plain Kafka clients (admin, producers, readers outside the binder) connect, and
 * with which security: the same {@code security.protocol}, {@code sasl.*} and {@code ssl.*} entries
 * the Spring Cloud Stream binder takes from {@code spring.cloud.stream.kafka.binder.configuration.*},
 * so a deployment sets them in one place (docs/security.md).
 *
 * @param bootstrapServers e.g. "localhost:9092"
 * @param security         only the security entries, by Kafka client property name
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> security) {

    public KafkaConnection {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers: required, e.g. localhost:9092");
        }
        security = Map.copyOf(security);
    }

    /** Where the services' Spring configuration keeps the binder's common client settings (the source of {@link #of}). */
    public static final String BINDER_CONFIGURATION = "spring.cloud.stream.kafka.binder.configuration";

    /** Plaintext, as the local launcher's loopback broker. */
    public static KafkaConnection plaintext(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /**
     * Keeps the security entries of the binder's common client configuration and drops the rest
     * (serializers, sizes and the like stay each client's own choice).
     */
    public static KafkaConnection of(String bootstrapServers, Map<String, String> binderConfiguration) {
        Map<String, String> security = new TreeMap<>();
        binderConfiguration.forEach((name, value) -> {
            if (isSecurity(name) && value != null) {
                security.put(name, value);
            }
        });
        return new KafkaConnection(bootstrapServers, security);
    }

    /** {@code security.protocol}, {@code sasl.*} or {@code ssl.*}. */
    public static boolean isSecurity(String propertyName) {
        return propertyName.equals("security.protocol") || propertyName.startsWith("sasl.") || propertyName.startsWith("ssl.");
    }

    /** A fresh, mutable client configuration: the bootstrap servers and the security entries. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(security);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    /**
     * The configuration of a producer on the stage hot path (activations, stage outcomes, results):
     * {@link #clientConfig()} plus no linger (Kafka 4 clients wait 5 ms by default to fill a batch, a
     * third of a stage's budget), acks from all in-sync replicas with idempotence (a retried send is
     * written once), records up to {@code maxRequestBytes}, and at most 5 s blocked on metadata, so a
     * missing topic cannot hold a thread for the client's default minute.
     */
    public Map<String, Object> hotPathProducerConfig(String clientId, int maxRequestBytes) {
        Map<String, Object> config = clientConfig();
        config.put("client.id", clientId);
        config.put("acks", "all");
        config.put("enable.idempotence", true);
        config.put("linger.ms", 0);
        config.put("max.request.size", maxRequestBytes);
        config.put("max.block.ms", 5_000);
        return config;
    }

    /** Never prints secrets (passwords, JAAS configs, key material): only the names of the entries. */
    @Override
    public String toString() {
        return "KafkaConnection[bootstrapServers=" + bootstrapServers + ", security=" + new TreeMap<>(security).keySet() + "]";
    }
}
