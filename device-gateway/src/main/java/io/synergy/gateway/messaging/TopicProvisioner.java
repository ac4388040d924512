package io.synergy.gateway.messaging;

import io.synergy.contracts.topic.KafkaConnection;
import io.synergy.contracts.topic.Topic;
import io.synergy.contracts.topic.TopicSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Creates the topics this gateway reads and writes with the contract's settings (compaction, one
 * partition for state, retention, message size) before the bindings start, so whichever service
 * starts first creates them right; topics that exist are left as they are. The replication factor
 * is the broker's default (it belongs to the deployment).
 */
public final class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class.getName());

    private TopicProvisioner() {
    }

    /**
     * @throws IllegalStateException naming the broker and the timeout when the broker does not answer
     */
    public static void provision(KafkaConnection connection, String gatewayId, Duration timeout) {
        String bootstrapServers = connection.bootstrapServers();
        Map<String, Object> config = connection.clientConfig();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Map<String, TopicSettings> topics = new LinkedHashMap<>();
        for (Topic topic : List.of(Topic.DEVICES, Topic.MODELS, Topic.PLANS, Topic.STAGE_OUTCOMES, Topic.MEASUREMENTS)) {
            topics.put(topic.topicName(), topic.settings());
        }
        topics.put(Topic.activationsOf(gatewayId), Topic.ACTIVATIONS.settings());
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.entrySet().stream()
                    .filter(entry -> !existing.contains(entry.getKey()))
                    .map(entry -> new NewTopic(entry.getKey(), Optional.of(entry.getValue().partitions()), Optional.empty())
                            .configs(entry.getValue().configs()))
                    .toList();
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    LOG.info("created topic " + topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("kafka: could not create the gateway's topics on " + bootstrapServers
                    + " within " + timeout.toMillis() + " ms: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("kafka: interrupted while creating topics on " + bootstrapServers, e);
        }
    }
}
