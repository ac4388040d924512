package io.synergy.executor.messaging;

import io.synergy.contracts.topic.KafkaConnection;
import io.synergy.contracts.topic.Topic;
import io.synergy.contracts.topic.TopicSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the contract's topics this service reads, with the contract's settings, unless they exist.
 * Done before the bindings start, so a state topic is never auto-created without compaction.
 */
public final class ContractTopics {

    private static final List<Topic> READ = List.of(Topic.PLANS, Topic.APPS, Topic.MODELS, Topic.INFERENCE_REQUESTS,
            Topic.INFERENCE_RESULTS, Topic.STAGE_OUTCOMES, Topic.DEVICES);

    private ContractTopics() {
    }

    public static void ensure(KafkaConnection connection, Duration timeout) {
        String bootstrapServers = connection.bootstrapServers();
        Map<String, Object> config = connection.clientConfig();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            for (Topic topic : READ) {
                TopicSettings settings = topic.settings();
                NewTopic newTopic = new NewTopic(topic.topicName(), Optional.of(settings.partitions()), Optional.empty()).configs(settings.configs());
                try {
                    admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("topic " + topic.topicName() + ": could not be created: "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("topics: interrupted while creating them", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topics: the broker at " + bootstrapServers + " did not answer within "
                    + timeout.toMillis() + " ms", e);
        }
    }
}
