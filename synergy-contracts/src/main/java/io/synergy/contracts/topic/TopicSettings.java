package io.synergy.contracts.topic;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a topic is created: partition count and the topic-level Kafka configs the contract relies on.
 * The replication factor is a property of the deployment (1 locally, 3 on a cluster), not of the
 * contract, so it is not here.
 *
 * @param partitions      partition count at creation
 * @param cleanupPolicy   compaction for state, deletion for streams of work
 * @param retention       how long records are kept under {@link CleanupPolicy#DELETE}; null for compacted topics
 * @param maxMessageBytes largest record batch the topic accepts ({@code max.message.bytes})
 */
public record TopicSettings(int partitions, CleanupPolicy cleanupPolicy, Duration retention, int maxMessageBytes) {

    /** Kafka's default {@code max.message.bytes} (1 MiB plus the batch overhead Kafka adds). */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

    public TopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions: must be >= 1, got " + partitions);
        }
        if (cleanupPolicy == null) {
            throw new IllegalArgumentException("cleanupPolicy: required, got null");
        }
        if (cleanupPolicy == CleanupPolicy.DELETE && (retention == null || retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("retention: a topic with cleanup.policy=delete needs a positive retention, got "
                    + retention);
        }
        if (cleanupPolicy == CleanupPolicy.COMPACT && retention != null) {
            throw new IllegalArgumentException("retention: a compacted topic keeps the last record per key, got " + retention);
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes: must be >= 1024, got " + maxMessageBytes);
        }
    }

    /** A compacted state topic with one partition (a total order over all keys, as a rebuild needs). */
    public static TopicSettings compacted(int maxMessageBytes) {
        return new TopicSettings(1, CleanupPolicy.COMPACT, null, maxMessageBytes);
    }

    /** A stream of work, kept for {@code retention}. */
    public static TopicSettings stream(int partitions, Duration retention) {
        return new TopicSettings(partitions, CleanupPolicy.DELETE, retention, DEFAULT_MAX_MESSAGE_BYTES);
    }

    public boolean compacted() {
        return cleanupPolicy == CleanupPolicy.COMPACT;
    }

    /** The topic-level configs to pass when creating the topic (e.g. to AdminClient's NewTopic.configs). */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", cleanupPolicy.configValue());
        if (retention != null) {
            configs.put("retention.ms", Long.toString(retention.toMillis()));
        }
        configs.put("max.message.bytes", Integer.toString(maxMessageBytes));
        return Map.copyOf(configs);
    }
}
