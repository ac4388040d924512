package io.synergy.testkit.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerChoiceTest {

    @Test
    void autoTakesAContainerWhereDockerAnswersAndTheEmbeddedBrokerElsewhere() {
        assertThat(BrokerChoice.AUTO.resolve(true)).isEqualTo(BrokerKind.CONTAINER);
        assertThat(BrokerChoice.AUTO.resolve(false)).isEqualTo(BrokerKind.EMBEDDED);
    }

    @Test
    void embeddedIsEmbeddedEvenWhereDockerAnswers() {
        assertThat(BrokerChoice.EMBEDDED.resolve(true)).isEqualTo(BrokerKind.EMBEDDED);
    }

    @Test
    void aDemandedContainerWithoutDockerFailsAtOnceSayingHowToFallBack() {
        assertThat(BrokerChoice.CONTAINER.resolve(true)).isEqualTo(BrokerKind.CONTAINER);
        assertThatThrownBy(() -> BrokerChoice.CONTAINER.resolve(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("synergy.kafka.broker=container needs a Docker engine")
                .hasMessageContaining("unset it to fall back to the embedded broker");
    }

    @Test
    void readsTheSettingInAnyCaseAndNamesItWhenItIsWrong() {
        assertThat(BrokerChoice.parse("-Dsynergy.kafka.broker", " Embedded ")).isEqualTo(BrokerChoice.EMBEDDED);
        assertThatThrownBy(() -> BrokerChoice.parse("SYNERGY_KAFKA_BROKER", "docker"))
                .hasMessageContaining("SYNERGY_KAFKA_BROKER: must be auto, container or embedded, got 'docker'");
    }

    @Test
    void theDockerProbeAnswersNoWhenItGetsNoAnswerInTime() {
        // a zero wait cannot be met by any engine, so the probe must give up rather than block
        assertThat(DockerProbe.ask(Duration.ZERO)).isFalse();
    }
}
