package io.synergy.contracts;

import io.synergy.contracts.topic.CleanupPolicy;
import io.synergy.contracts.topic.Topic;
import io.synergy.contracts.topic.TopicSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicTest {

    @Test
    void namesTheTopicsOfTheDesign() {
        assertThat(Topic.DEVICES.topicName()).isEqualTo("synergy.devices");
        assertThat(Topic.MODELS.topicName()).isEqualTo("synergy.models");
        assertThat(Topic.APPS.topicName()).isEqualTo("synergy.apps");
        assertThat(Topic.PLANS.topicName()).isEqualTo("synergy.plans");
        assertThat(Topic.INFERENCE_REQUESTS.topicName()).isEqualTo("synergy.inference.requests");
        assertThat(Topic.INFERENCE_RESULTS.topicName()).isEqualTo("synergy.inference.results");
        assertThat(Topic.activationsOf("gw-head")).isEqualTo("synergy.activations.gw-head");
    }

    @Test
    void activationTopicsNeedAGatewayIdThatIsLegalInATopicName() {
        assertThatThrownBy(Topic.ACTIVATIONS::topicName).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a gateway id");
        assertThatThrownBy(() -> Topic.activationsOf("gw/1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gatewayId: 'gw/1'");
        assertThatThrownBy(() -> Topic.activationsOf("g".repeat(65))).hasMessageContaining("at most 64 characters, got 65");
    }

    @Test
    void findsTheTopicAndGatewayOfARecordsTopicName() {
        assertThat(Topic.fromName("synergy.plans")).contains(Topic.PLANS);
        assertThat(Topic.fromName("synergy.activations.gw-hub")).contains(Topic.ACTIVATIONS);
        assertThat(Topic.gatewayOf("synergy.activations.gw-hub")).contains("gw-hub");
        assertThat(Topic.gatewayOf("synergy.activations.")).isEmpty();
        assertThat(Topic.fromName("synergy.activations.")).isEmpty();
        assertThat(Topic.fromName("other")).isEqualTo(Optional.empty());
    }

    @Test
    void stateTopicsAreCompactedWithOnePartitionAndStreamsAreDeletedAfterTheirRetention() {
        for (Topic state : new Topic[] {Topic.DEVICES, Topic.MODELS, Topic.APPS, Topic.PLANS}) {
            assertThat(state.settings().compacted()).as(state.name()).isTrue();
            assertThat(state.settings().partitions()).as(state.name()).isEqualTo(1);
            assertThat(state.settings().configs()).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
        }
        for (Topic stream : new Topic[] {Topic.INFERENCE_REQUESTS, Topic.INFERENCE_RESULTS, Topic.ACTIVATIONS}) {
            assertThat(stream.settings().compacted()).as(stream.name()).isFalse();
            assertThat(stream.settings().configs()).containsEntry("cleanup.policy", "delete").containsKey("retention.ms");
        }
        assertThat(Topic.ACTIVATIONS.settings().partitions()).isEqualTo(1);
        assertThat(Topic.INFERENCE_REQUESTS.settings().configs()).containsEntry("retention.ms", "3600000");
    }

    @Test
    void theModelsTopicAcceptsTheBase64PackageOfAFullMax78002() {
        long max78002WeightBytes = 2_396_160;
        long base64Bytes = (max78002WeightBytes + 2) / 3 * 4;

        assertThat((long) Topic.MODELS.settings().maxMessageBytes()).isGreaterThan(base64Bytes);
        assertThat(Topic.MODELS.settings().configs()).containsEntry("max.message.bytes", Integer.toString(16 * 1024 * 1024));
    }

    @Test
    void settingsRejectContradictions() {
        assertThatThrownBy(() -> new TopicSettings(0, CleanupPolicy.DELETE, Duration.ofHours(1), 2048))
                .hasMessageContaining("partitions: must be >= 1, got 0");
        assertThatThrownBy(() -> new TopicSettings(1, CleanupPolicy.COMPACT, Duration.ofHours(1), 2048))
                .hasMessageContaining("retention: a compacted topic keeps the last record per key");
        assertThatThrownBy(() -> new TopicSettings(1, CleanupPolicy.DELETE, null, 2048))
                .hasMessageContaining("needs a positive retention");
    }
}
