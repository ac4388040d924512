package io.synergy.planner.config;

import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Bindable;
import io.synergy.contracts.topic.KafkaConnection;
import io.synergy.contracts.topic.Topic;
import io.synergy.planner.application.InputCatchUp;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.planner.application.PlanComputation;
import io.synergy.core.planning.AcceleratorCostModel;
import io.synergy.planner.application.CorePlanComputation;
import io.synergy.planner.application.PlannerChoice;
import io.synergy.planner.application.Replanning;
import io.synergy.planner.application.SpaceInputs;
import io.synergy.planner.messaging.InputBindings;
import io.synergy.planner.messaging.PlanLogReader;
import io.synergy.planner.messaging.PlannerStartup;
import io.synergy.planner.messaging.PlanningHealthIndicator;
import io.synergy.planner.messaging.StreamPlanSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.synergy.contracts.plan.PlanSetPublished;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** Wires the fold, the re-planner and the bindings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlannerProperties.class)
public class PlannerConfiguration {

    @Bean
    SpaceInputs spaceInputs(PlannerProperties properties) {
        return new SpaceInputs(properties.batteryStepPercent(), properties.batteryPolicy(),
                properties.estimation().settings());
    }

    /** The core planner named by {@code synergy.planner.planner}, costing segments with the accelerator model. */
    @Bean
    CorePlanComputation planComputation(PlannerProperties properties) {
        return new CorePlanComputation(PlannerChoice.named(properties.planner()),
                new AcceleratorCostModel(new SegmentCostModel()));
    }

    /** Plain Kafka clients connect as the binder does: its brokers and the security entries of its configuration. */
    @Bean
    KafkaConnection kafkaConnection(@Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers,
                                    Environment environment) {
        return KafkaConnection.of(brokers, Binder.get(environment).bind(KafkaConnection.BINDER_CONFIGURATION,
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
    }

    @Bean
    PlanLogReader planLogReader(KafkaConnection connection, PlannerProperties properties) {
        return new PlanLogReader(connection, properties.startTimeout());
    }

    @Bean(destroyMethod = "close")
    Replanning replanning(SpaceInputs inputs, PlanComputation computation, StreamBridge bridge, PlanLogReader reader,
                          PlannerProperties properties, MeterRegistry meters) {
        Timer planning = Timer.builder("synergy.planner.planning").description("one planning run over the whole space")
                .register(meters);
        Counter published = Counter.builder("synergy.planner.plan.sets").description("plan sets published")
                .register(meters);
        StreamPlanSink sink = new StreamPlanSink(bridge, Clock.systemUTC());
        Replanning replanning = new Replanning(inputs, snapshot -> planning.record(() -> computation.plan(snapshot)),
                planSet -> {
                    sink.publish(planSet);
                    published.increment();
                }, properties.debounce(), reader.lastPlanSet());
        Gauge.builder("synergy.planner.epoch", replanning,
                        r -> r.current().map(PlanSetPublished::epoch).orElse(0L))
                .description("epoch of the current plan set (0 before the first)").register(meters);
        Gauge.builder("synergy.planner.apps.unplaced", replanning,
                        r -> r.current().map(planSet -> planSet.unplaced().size()).orElse(0))
                .description("deployed apps the current plan set could not place").register(meters);
        return replanning;
    }

    @Bean
    PlanningHealthIndicator planningHealthIndicator(Replanning replanning) {
        return new PlanningHealthIndicator(replanning);
    }

    @Bean
    InputCatchUp inputCatchUp(PlanLogReader reader, Replanning replanning) {
        return new InputCatchUp(reader.endOffsets(List.of(Topic.DEVICES.topicName(), Topic.MODELS.topicName(),
                Topic.APPS.topicName())), replanning::release);
    }

    @Bean
    PlannerStartup plannerStartup(InputCatchUp catchUp, PlannerProperties properties) {
        return new PlannerStartup(catchUp, properties.startTimeout());
    }

    @Bean
    InputBindings inputBindings(SpaceInputs inputs, Replanning replanning, InputCatchUp catchUp) {
        return new InputBindings(inputs, replanning, catchUp);
    }

    @Bean
    Consumer<Message<?>> fleet(InputBindings bindings) {
        return bindings.fleet();
    }

    @Bean
    Consumer<Message<?>> models(InputBindings bindings) {
        return bindings.models();
    }

    /** Binding {@code measurements-in-0}: {@code synergy.measurements} from the latest offset. */
    @Bean
    Consumer<Message<?>> measurements(InputBindings bindings) {
        return bindings.measurements();
    }

    @Bean
    Consumer<Message<?>> apps(InputBindings bindings) {
        return bindings.apps();
    }
}
