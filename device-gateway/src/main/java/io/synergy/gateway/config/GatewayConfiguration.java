package io.synergy.gateway.config;

import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Bindable;
import io.synergy.contracts.topic.KafkaConnection;
import io.synergy.contracts.topic.Topic;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.synergy.gateway.telemetry.StageMetrics;
import io.synergy.gateway.telemetry.StageTracing;
import org.springframework.beans.factory.ObjectProvider;
import io.synergy.core.accelerator.SegmentCostModel;
import io.synergy.gateway.application.DeviceClock;
import io.synergy.gateway.application.DeviceFaults;
import io.synergy.gateway.application.DeviceSetup;
import io.synergy.gateway.application.DeviceState;
import io.synergy.gateway.application.ModelCatalog;
import io.synergy.gateway.application.ScheduledDeviceClock;
import io.synergy.gateway.application.SegmentLoader;
import io.synergy.gateway.application.StageRunner;
import io.synergy.gateway.application.StageScheduler;
import io.synergy.gateway.messaging.ActivationListener;
import io.synergy.gateway.messaging.DeviceLifecycle;
import io.synergy.gateway.messaging.DevicePublisher;
import io.synergy.gateway.messaging.KafkaStageSink;
import io.synergy.gateway.messaging.MeasurementPublisher;
import io.synergy.gateway.messaging.StateListeners;
import io.synergy.gateway.messaging.TopicProvisioner;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Wires the configured fleet to the core and to Kafka. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService deviceExecutor(GatewayProperties properties) {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(properties.computeThreads(), task -> {
            Thread thread = new Thread(task, "device-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Bean
    DeviceClock deviceClock(ScheduledExecutorService deviceExecutor) {
        return new ScheduledDeviceClock(deviceExecutor);
    }

    @Bean
    ModelCatalog modelCatalog(GatewayProperties properties) {
        return new ModelCatalog(properties.modelCacheEntries());
    }

    /** Stage spans; without a tracer (tracing off) activations only pass on the context they came with. */
    @Bean
    StageTracing stageTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                              GatewayProperties properties) {
        Tracer active = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        if (active == null || propagation == null) {
            return StageTracing.disabled();
        }
        // every stage in the gateway has at most one open span: its devices' queues bound them
        int capacity = Math.max(1, properties.devices().size()) * (properties.queueCapacity() + 1) * 4;
        return new StageTracing(propagation, capacity);
    }

    /** Plain Kafka clients connect as the binder does: its brokers and the security entries of its configuration. */
    @Bean
    KafkaConnection kafkaConnection(@Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers,
                                    Environment environment) {
        return KafkaConnection.of(brokers, Binder.get(environment).bind(KafkaConnection.BINDER_CONFIGURATION,
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
    }

    /**
     * The stage hot path's own producer, not the binder's (every stage passes here; see
     * {@link KafkaConnection#hotPathProducerConfig}); closed with the context.
     */
    @Bean(destroyMethod = "close")
    Producer<byte[], byte[]> stageProducer(KafkaConnection connection, GatewayProperties properties) {
        return new KafkaProducer<>(connection.hotPathProducerConfig("gateway-stages-" + properties.gatewayId(),
                Topic.MODEL_MAX_MESSAGE_BYTES), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaStageSink stageSink(Producer<byte[], byte[]> stageProducer, MeterRegistry meters, StageTracing tracing) {
        return new KafkaStageSink(stageProducer, Clock.systemUTC(), meters, tracing);
    }

    @Bean
    DevicePublisher devicePublisher(StreamBridge bridge, GatewayProperties properties) {
        return new DevicePublisher(bridge, properties.gatewayId(), Clock.systemUTC());
    }

    @Bean
    StageScheduler stageScheduler(GatewayProperties properties, DeviceClock deviceClock, KafkaStageSink stageSink,
                                  MeterRegistry meters, KafkaConnection connection) {
        // before any binding starts, so the state topics are created compacted whoever comes first
        TopicProvisioner.provision(connection, properties.gatewayId(), Duration.ofSeconds(30));
        List<DeviceSetup> setups = properties.deviceSetups();
        StageScheduler scheduler = new StageScheduler(setups, properties.queueCapacity(),
                new StageScheduler.SchedulerTiming(deviceClock, properties.scale()),
                properties.timingOnly() ? StageRunner.timingOnly() : StageRunner.arithmetic(), stageSink,
                new StageMetrics(meters, setups.stream().map(DeviceSetup::deviceId).toList()));
        for (DeviceSetup setup : setups) {
            Gauge.builder("synergy.gateway.queue.depth", scheduler,
                            s -> s.state(setup.deviceId()).map(DeviceState::queueDepth).orElse(0))
                    .tag("device", setup.deviceId()).description("stages waiting on the device").register(meters);
        }
        return scheduler;
    }

    @Bean(destroyMethod = "close")
    MeasurementPublisher measurementPublisher(StageScheduler scheduler, StreamBridge bridge,
                                              ScheduledExecutorService deviceExecutor, GatewayProperties properties) {
        return new MeasurementPublisher(scheduler, bridge, properties.gatewayId(), Clock.systemUTC(), deviceExecutor,
                properties.measurementInterval());
    }

    @Bean
    SegmentLoader segmentLoader(GatewayProperties properties, StageScheduler scheduler, ModelCatalog catalog,
                                DeviceClock deviceClock, DevicePublisher publisher) {
        Map<String, DeviceSetup> byId = new HashMap<>();
        scheduler.setups().forEach(setup -> byId.put(setup.deviceId(), setup));
        return new SegmentLoader(properties.gatewayId(), scheduler, catalog, new SegmentCostModel(),
                new StageScheduler.SchedulerTiming(deviceClock, properties.scale()),
                (deviceId, epoch) -> {
                    // a device that left or failed stays silent; it reports again once it joins
                    if (scheduler.present(deviceId)) {
                        publisher.segmentsLoaded(byId.get(deviceId), epoch);
                    }
                });
    }

    @Bean
    DeviceFaults deviceFaults(StageScheduler scheduler, DevicePublisher publisher) {
        return new DeviceFaults(scheduler, publisher);
    }

    @Bean
    DeviceLifecycle deviceLifecycle(StageScheduler scheduler, DevicePublisher publisher,
                                    ScheduledExecutorService deviceExecutor, GatewayProperties properties) {
        return new DeviceLifecycle(scheduler, publisher, deviceExecutor, properties.heartbeatInterval());
    }

    @Bean
    StateListeners stateListeners(ModelCatalog catalog, SegmentLoader loader) {
        return new StateListeners(catalog, loader);
    }

    /**
     * The activation binding commits its offsets without waiting for the broker's answer: a synchronous
     * commit after every poll holds the consumer thread for a broker round trip before it polls again,
     * and an activation arriving meanwhile waits that long (part of its hop). Nothing relies on the
     * commit being durable at once: after a crash a few activations may be read again, as they may with
     * a synchronous commit, and the executor keeps the first outcome per request.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> activationCommits(GatewayProperties properties) {
        String activations = Topic.activationsOf(properties.gatewayId());
        return (container, destination, group) -> {
            if (activations.equals(destination)) {
                container.getContainerProperties().setSyncCommits(false);
            }
        };
    }

    /** Binding {@code activations-in-0}: this gateway's activation topic. */
    @Bean
    Consumer<Message<byte[]>> activations(StageScheduler scheduler, KafkaStageSink sink, GatewayProperties properties,
                                          MeterRegistry meters, StageTracing tracing) {
        return new ActivationListener(scheduler, sink, properties.maxAdmissionWait(), meters, tracing);
    }

    /** Binding {@code models-in-0}: {@code synergy.models} from the earliest offset. */
    @Bean
    Consumer<Message<?>> models(StateListeners listeners) {
        return listeners.models();
    }

    /** Binding {@code plans-in-0}: {@code synergy.plans} from the earliest offset. */
    @Bean
    Consumer<Message<?>> plans(StateListeners listeners) {
        return listeners.plans();
    }
}
