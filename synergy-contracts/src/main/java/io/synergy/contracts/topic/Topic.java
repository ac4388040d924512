package io.synergy.contracts.topic;

import io.synergy.contracts.Identifier;

import java.time.Duration;
import java.util.Optional;

/**
 * Every Kafka topic of the system (DESIGN.md section 4), with its key and creation settings. The
 * per-gateway activation topics share one entry whose name is completed by a gateway id.
 */
public enum Topic {

    /** Device announcements, heartbeats and departures. Key: device id. A tombstone deletes a device. */
    DEVICES("synergy.devices", "device id", TopicSettings.compacted(TopicSettings.DEFAULT_MAX_MESSAGE_BYTES)),
    /** Registered models with their packages. Key: model name. Packages of a MAX78002 model exceed 1 MiB. */
    MODELS("synergy.models", "model name", TopicSettings.compacted(Topic.MODEL_MAX_MESSAGE_BYTES)),
    /** Deployed apps. Key: app id. */
    APPS("synergy.apps", "app id", TopicSettings.compacted(TopicSettings.DEFAULT_MAX_MESSAGE_BYTES)),
    /** The current plan set. Key: always {@link #PLAN_SET_KEY}, so compaction keeps the latest epoch. */
    PLANS("synergy.plans", "the constant '" + Topic.PLAN_SET_KEY + "'",
            TopicSettings.compacted(Topic.MODEL_MAX_MESSAGE_BYTES)),
    /** Inference requests from Kafka clients. Key: request id. Partitions let executors scale out. */
    INFERENCE_REQUESTS("synergy.inference.requests", "request id", TopicSettings.stream(4, Duration.ofHours(1))),
    /**
     * Inference outcomes of Kafka requests, exactly one per accepted request, written by the executor.
     * Key: request id.
     */
    INFERENCE_RESULTS("synergy.inference.results", "request id", TopicSettings.stream(4, Duration.ofHours(1))),
    /**
     * What the gateways report to the executors: the last stage's {@code InferenceCompleted} and any
     * {@code StageRejected}. A re-dispatched request may be completed here more than once; the executor
     * keeps the first. Key: request id.
     */
    STAGE_OUTCOMES("synergy.stage.outcomes", "request id", TopicSettings.stream(4, Duration.ofMinutes(10))),
    /**
     * Activations entering a stage on one gateway: {@code synergy.activations.<gatewayId>}. Key:
     * request id. One partition keeps a gateway's stages in arrival order (devices run FIFO).
     */
    ACTIVATIONS("synergy.activations.", "request id", TopicSettings.stream(1, Duration.ofMinutes(10))),
    /**
     * Measured stage service times per device and segment, for the planner's online estimation. Key:
     * device id. Transient: readers start at the latest offset.
     */
    MEASUREMENTS("synergy.measurements", "device id", TopicSettings.stream(1, Duration.ofHours(1)));

    /** The key of every record on {@code synergy.plans}. */
    public static final String PLAN_SET_KEY = "plan-set";

    /** 16 MiB: a MAX78002 holds 2,396,160 weight bytes, which Base64 in JSON inflates by 4/3. */
    public static final int MODEL_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private final String name;
    private final String key;
    private final TopicSettings settings;

    Topic(String name, String key, TopicSettings settings) {
        this.name = name;
        this.key = key;
        this.settings = settings;
    }

    /**
     * The topic name.
     *
     * @throws IllegalStateException for {@link #ACTIVATIONS}, whose name needs a gateway id
     */
    public String topicName() {
        if (this == ACTIVATIONS) {
            throw new IllegalStateException("topic: synergy.activations.<gatewayId> needs a gateway id; use activationsOf");
        }
        return name;
    }

    /** The activation topic of one gateway: {@code synergy.activations.<gatewayId>}. */
    public static String activationsOf(String gatewayId) {
        return ACTIVATIONS.name + Identifier.require("gatewayId", gatewayId);
    }

    /** The gateway id of an activation topic name, or empty when the name is not one. */
    public static Optional<String> gatewayOf(String topicName) {
        if (topicName == null || !topicName.startsWith(ACTIVATIONS.name) || topicName.length() == ACTIVATIONS.name.length()) {
            return Optional.empty();
        }
        return Optional.of(topicName.substring(ACTIVATIONS.name.length()));
    }

    /** The topic a record came from, for any name of this contract (activation topics included). */
    public static Optional<Topic> fromName(String topicName) {
        if (gatewayOf(topicName).isPresent()) {
            return Optional.of(ACTIVATIONS);
        }
        for (Topic topic : values()) {
            if (topic != ACTIVATIONS && topic.name.equals(topicName)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }

    /** What the record key holds, in words (for documentation and errors). */
    public String key() {
        return key;
    }

    public TopicSettings settings() {
        return settings;
    }
}
