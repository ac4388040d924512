package io.synergy.testkit.kafka;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;

/**
 * Testcontainers' Kafka: the official {@code apache/kafka} image, tagged with the version of the
 * kafka-clients on the class path (so container and embedded broker run the same Kafka), configured
 * like the embedded broker where tests can tell the difference. {@code -Dsynergy.kafka.image}
 * overrides the image.
 */
final class ContainerKafkaBroker implements KafkaBroker {

    static final String IMAGE_PROPERTY = "synergy.kafka.image";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final KafkaContainer container;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafkaBroker start() {
        String image = System.getProperty(IMAGE_PROPERTY, "apache/kafka:" + AppInfoParser.getVersion());
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_LOG_CLEANER_BACKOFF_MS", "1000")
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "1")
                .withStartupTimeout(START_TIMEOUT);
        container.start();
        return new ContainerKafkaBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.CONTAINER;
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "ContainerKafkaBroker[" + container.getDockerImageName() + " at " + bootstrapServers() + "]";
    }
}
