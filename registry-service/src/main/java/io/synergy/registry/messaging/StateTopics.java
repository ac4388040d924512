package io.synergy.registry.messaging;

import io.synergy.contracts.topic.Topic;
import io.synergy.contracts.topic.TopicSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Creates the state topics the registry reads, with the contract's settings, and refuses to start on
 * a topic that cannot hold state: one that is not compacted, or has more than one partition (a rebuild
 * needs one total order over all keys). Confluent's schema registry checks its store topic the same way.
 */
public final class StateTopics {

    /** Pause between looks at a topic the broker does not know yet. */
    private static final Duration METADATA_RETRY = Duration.ofMillis(100);

    private StateTopics() {
    }

    public static void ensure(Map<String, Object> adminConfig, List<Topic> topics, short replicationFactor,
                              Duration timeout) {
        try (Admin admin = Admin.create(adminConfig)) {
            for (Topic topic : topics) {
                ensure(admin, topic, replicationFactor, timeout);
            }
        }
    }

    private static void check(Admin admin, String name, TopicSettings settings, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(name);
        if (settings.compacted() && description.partitions().size() != 1) {
            throw new IllegalStateException("topic " + name + ": a state topic needs exactly 1 partition, it has "
                    + description.partitions().size() + "; recreate it with 1");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        String policy = config.get("cleanup.policy") == null ? "" : config.get("cleanup.policy").value();
        if (settings.compacted() && !policy.contains("compact")) {
            throw new IllegalStateException("topic " + name + ": a state topic needs cleanup.policy=compact, it has '"
                    + policy + "'; deletion would lose registered state");
        }
    }

    private static void ensure(Admin admin, Topic topic, short replicationFactor, Duration timeout) {
        String name = topic.topicName();
        TopicSettings settings = topic.settings();
        try {
            NewTopic newTopic = new NewTopic(name, Optional.of(settings.partitions()), Optional.of(replicationFactor))
                    .configs(settings.configs());
            try {
                admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                try {
                    check(admin, name, settings, timeout);
                    return;
                } catch (ExecutionException e) {
                    // a topic just created may not be in every broker's metadata yet
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    LockSupport.parkNanos(METADATA_RETRY.toNanos());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("topic " + name + ": interrupted while checking it", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("topic " + name + ": cannot be created or checked within " + timeout
                    + ": " + e, e);
        }
    }
}
